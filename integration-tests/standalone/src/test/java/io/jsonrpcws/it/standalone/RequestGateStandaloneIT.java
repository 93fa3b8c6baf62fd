package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.contracts.RequestGateContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

class RequestGateStandaloneIT extends RequestGateContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer();

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }
}
