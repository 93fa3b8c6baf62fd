package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.contracts.ConnectionScopeFollowsTheConnectionContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

class ConnectionScopeFollowsTheConnectionStandaloneIT extends ConnectionScopeFollowsTheConnectionContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer();

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }
}
