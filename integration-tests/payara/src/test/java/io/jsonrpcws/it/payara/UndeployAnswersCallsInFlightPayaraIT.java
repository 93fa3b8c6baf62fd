package io.jsonrpcws.it.payara;

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

/**
 * The Payara Micro adapter undeploys by stopping the server process (SIGTERM), and returns at once: this is the
 * graceful stop of a server that is told to stop, such as a container being stopped.
 */
@ExtendWith(ArquillianExtension.class)
class UndeployAnswersCallsInFlightPayaraIT extends UndeployAnswersCallsInFlightContract {

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
