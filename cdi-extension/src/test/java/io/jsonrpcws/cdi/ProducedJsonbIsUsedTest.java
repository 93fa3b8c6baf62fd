package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@link Jsonb} the application produces maps params and results, and wins over a produced
 * {@link JsonbConfig}; the application's disposer closes it at shutdown.
 */
class ProducedJsonbIsUsedTest {

    static final AtomicInteger CLOSED = new AtomicInteger();

    public record Person(String firstName, String lastName) {
    }

    public static class JsonConfiguration {
        @Produces
        @ApplicationScoped
        Jsonb jsonb() {
            return JsonbBuilder.create(new JsonbConfig()
                    .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));
        }

        void close(@Disposes Jsonb jsonb) throws Exception {
            jsonb.close();
            CLOSED.incrementAndGet();
        }

        /** Would name properties in upper camel case, were it used. */
        @Produces
        JsonbConfig jsonbConfig() {
            return new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.UPPER_CAMEL_CASE);
        }
    }

    @JsonRpcService("people")
    public static class People {
        @JsonRpcMethod
        public Person swap(Person person) {
            return new Person(person.lastName(), person.firstName());
        }
    }

    @Test
    void producedJsonbMapsParamsAndResults() {
        CLOSED.set(0);
        try (TestDeployment deployment = TestDeployment.of(People.class, JsonConfiguration.class)) {
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{\"first_name\":\"Lovelace\",\"last_name\":\"Ada\"},\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"people.swap\","
                            + "\"params\":[{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}],\"id\":1}"));
        }
        assertEquals(1, CLOSED.get());
    }
}
