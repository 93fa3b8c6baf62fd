package io.jsonrpcws.it.payara;

import io.jsonrpcws.it.contracts.GeneratedWarAnswersContract;
import io.jsonrpcws.it.contracts.Wars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;

@ExtendWith(ArquillianExtension.class)
class GeneratedWarAnswersPayaraIT extends GeneratedWarAnswersContract {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return Wars.generated();
    }

    @Override
    protected URI endpoint() {
        return Wars.endpoint(base);
    }
}
