package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.broken.Clash;
import io.jsonrpcws.it.contracts.BrokenServiceFailsDeploymentContract;
import io.jsonrpcws.standalone.JsonRpcServer;

import static org.junit.jupiter.api.Assertions.assertThrows;

class BrokenServiceFailsDeploymentStandaloneIT extends BrokenServiceFailsDeploymentContract {

    @Override
    protected String deployBrokenApplication() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () ->
                JsonRpcServer.builder().host("127.0.0.1").port(0).beanClasses(Clash.class).start().stop());
        return messages(failure);
    }
}
