package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.broken.rawmapper.Ping;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two {@link JsonbConfig} beans fail deployment, both named, rather than both being ignored for the default. */
class TwoJsonbConfigsFailDeploymentTest {

    public static class SnakeCase {
        @Produces
        JsonbConfig jsonbConfig() {
            return new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES);
        }
    }

    public static class Pretty {
        @Produces
        JsonbConfig jsonbConfig() {
            return new JsonbConfig().withFormatting(true);
        }
    }

    @Test
    void bothProducersAreNamed() {
        String message = BrokenDeployment.validationFailure(Ping.class, SnakeCase.class, Pretty.class).getMessage();
        assertTrue(message.contains("several beans of type jakarta.json.bind.JsonbConfig"), message);
        assertTrue(message.contains(SnakeCase.class.getName()), message);
        assertTrue(message.contains(Pretty.class.getName()), message);
    }
}
