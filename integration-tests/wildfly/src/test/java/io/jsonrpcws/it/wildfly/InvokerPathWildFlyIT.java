package io.jsonrpcws.it.wildfly;

import io.jsonrpcws.it.contracts.InvokerPathContract;
import io.jsonrpcws.it.contracts.Wars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;

/** WildFly: CDI 4.0 (Weld 5); WildFly Preview: CDI 4.1 (Weld 6). The build says which runs. */
@ExtendWith(ArquillianExtension.class)
class InvokerPathWildFlyIT extends InvokerPathContract {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return Wars.app();
    }

    @Override
    protected URI endpoint() {
        return Wars.endpoint(base);
    }

    @Override
    protected boolean expectsCdiInvokers() {
        return Boolean.getBoolean("jsonrpcws.it.cdi-invokers");
    }
}
