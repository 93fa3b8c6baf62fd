package io.jsonrpcws.it.wildfly;

import io.jsonrpcws.it.contracts.BrokenServiceFailsDeploymentContract;
import io.jsonrpcws.it.contracts.Wars;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Deployed by hand, so that the failure's text can be read; WildFly rolls the failed deployment back. */
@ExtendWith(ArquillianExtension.class)
class BrokenServiceFailsDeploymentWildFlyIT extends BrokenServiceFailsDeploymentContract {

    private static final String BROKEN = "broken";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = BROKEN, managed = false, testable = false)
    static WebArchive broken() {
        return Wars.broken();
    }

    @Override
    protected String deployBrokenApplication() {
        Exception failure = assertThrows(Exception.class, () -> deployer.deploy(BROKEN));
        return messages(failure);
    }
}
