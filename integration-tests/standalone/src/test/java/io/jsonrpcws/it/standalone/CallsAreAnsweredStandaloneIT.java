package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.contracts.CallsAreAnsweredContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

class CallsAreAnsweredStandaloneIT extends CallsAreAnsweredContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer();

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }
}
