package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.contracts.HandshakeStaysWithItsConnectionContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

class HandshakeStaysWithItsConnectionStandaloneIT extends HandshakeStaysWithItsConnectionContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer();

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }
}
