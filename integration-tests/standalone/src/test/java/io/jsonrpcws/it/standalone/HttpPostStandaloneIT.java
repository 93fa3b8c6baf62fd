package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.contracts.HttpPostContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

class HttpPostStandaloneIT extends HttpPostContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer();

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }
}
