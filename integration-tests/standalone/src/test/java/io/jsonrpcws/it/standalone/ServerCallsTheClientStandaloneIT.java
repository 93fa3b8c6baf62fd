package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.contracts.ServerCallsTheClientContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

class ServerCallsTheClientStandaloneIT extends ServerCallsTheClientContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer();

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }
}
