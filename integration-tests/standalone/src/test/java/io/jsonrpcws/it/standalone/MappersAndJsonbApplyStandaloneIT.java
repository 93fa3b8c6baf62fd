package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.contracts.MappersAndJsonbApplyContract;
import io.jsonrpcws.it.mapped.MappedApp;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

class MappersAndJsonbApplyStandaloneIT extends MappersAndJsonbApplyContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer(MappedApp.CLASSES.toArray(Class<?>[]::new));

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }
}
