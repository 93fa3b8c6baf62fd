package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.contracts.ConstrainedParamsAreCheckedContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

class ConstrainedParamsAreCheckedStandaloneIT extends ConstrainedParamsAreCheckedContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer();

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }
}
