package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.app.Clubhouse;
import io.jsonrpcws.it.contracts.AnonymousCallersAreNotAuthenticatedContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

/** Without a {@code JsonRpcAuthenticator}, every caller of the standalone runtime is anonymous. */
class AnonymousCallersAreNotAuthenticatedStandaloneIT extends AnonymousCallersAreNotAuthenticatedContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer(Clubhouse.class);

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }
}
