package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.broken.rawmapper.Ping;
import io.jsonrpcws.cdi.broken.rawmapper.RawMapper;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** An exception mapper bean that does not say which exception it maps fails deployment, naming the class. */
class RawExceptionMapperFailsDeploymentTest {

    @Test
    void rawMapperIsRefused() {
        DeploymentException thrown = BrokenDeployment.validationFailure(Ping.class, RawMapper.class);
        assertTrue(thrown.getMessage().contains("exception mapper " + RawMapper.class.getName()
                + " must declare its exception type"), thrown.getMessage());
    }
}
