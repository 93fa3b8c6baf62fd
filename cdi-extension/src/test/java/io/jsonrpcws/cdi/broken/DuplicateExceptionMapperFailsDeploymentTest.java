package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.broken.rawmapper.Ping;
import io.jsonrpcws.cdi.broken.twomappers.OtherStateMapper;
import io.jsonrpcws.cdi.broken.twomappers.StateMapper;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two exception mapper beans for one exception class fail deployment, and the message names both classes. */
class DuplicateExceptionMapperFailsDeploymentTest {

    @Test
    void bothMappersAreNamed() {
        DeploymentException thrown = BrokenDeployment.validationFailure(Ping.class, StateMapper.class, OtherStateMapper.class);
        String message = thrown.getMessage();
        assertTrue(message.contains(StateMapper.class.getName() + " and ")
                || message.contains(" and " + StateMapper.class.getName()), message);
        assertTrue(message.contains(OtherStateMapper.class.getName() + " and ")
                || message.contains(" and " + OtherStateMapper.class.getName()), message);
        assertTrue(message.contains("both map java.lang.IllegalStateException"), message);
        assertTrue(!message.contains("Proxy"), "names the bean classes, not their client proxies: " + message);
    }
}
