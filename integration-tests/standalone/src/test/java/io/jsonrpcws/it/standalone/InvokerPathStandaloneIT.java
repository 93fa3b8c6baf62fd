package io.jsonrpcws.it.standalone;

import io.jsonrpcws.it.contracts.InvokerPathContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

/** Weld SE 6: CDI 4.1. */
class InvokerPathStandaloneIT extends InvokerPathContract {

    @RegisterExtension
    static final StandaloneServer SERVER = new StandaloneServer();

    @Override
    protected URI endpoint() {
        return SERVER.endpoint();
    }

    @Override
    protected boolean expectsCdiInvokers() {
        return true;
    }
}
