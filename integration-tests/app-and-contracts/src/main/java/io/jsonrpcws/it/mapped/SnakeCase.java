package io.jsonrpcws.it.mapped;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/** The application's JSON-B settings: snake_case property names. */
@ApplicationScoped
public class SnakeCase {

    @Produces
    JsonbConfig jsonbConfig() {
        return new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES);
    }
}
