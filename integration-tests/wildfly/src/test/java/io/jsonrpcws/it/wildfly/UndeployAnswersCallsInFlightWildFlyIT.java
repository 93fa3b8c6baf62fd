package io.jsonrpcws.it.wildfly;

import io.jsonrpcws.it.contracts.UndeployAnswersCallsInFlightContract;
import io.jsonrpcws.it.contracts.Wars;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/** WildFly undeploys the WAR by a management operation, which returns once the deployment has stopped. */
@ExtendWith(ArquillianExtension.class)
class UndeployAnswersCallsInFlightWildFlyIT extends UndeployAnswersCallsInFlightContract {

    private static final String ERRAND = "errand";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = ERRAND, managed = false, testable = false)
    static WebArchive errand() {
        return Wars.errand();
    }

    @BeforeEach
    void deploy() {
        deployer.deploy(ERRAND);
    }

    @Test
    void callInFlightIsAnsweredThenTheConnectionGoesAway(@ArquillianResource @OperateOnDeployment(ERRAND) URL base)
            throws Exception {
        callInFlightIsAnsweredThenTheConnectionGoesAway(Wars.endpoint(base));
    }

    @Override
    protected void undeploy() {
        deployer.undeploy(ERRAND);
    }
}
