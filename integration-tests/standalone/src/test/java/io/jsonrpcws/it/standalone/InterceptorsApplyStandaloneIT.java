package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.contracts.InterceptorsApplyContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

class InterceptorsApplyStandaloneIT extends InterceptorsApplyContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer();

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }
}
