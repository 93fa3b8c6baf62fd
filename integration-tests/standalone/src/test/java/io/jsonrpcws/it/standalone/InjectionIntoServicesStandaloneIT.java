package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.contracts.InjectionIntoServicesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

class InjectionIntoServicesStandaloneIT extends InjectionIntoServicesContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer();

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }
}
