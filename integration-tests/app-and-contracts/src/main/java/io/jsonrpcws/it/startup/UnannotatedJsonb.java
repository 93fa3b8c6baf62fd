package io.jsonrpcws.it.startup;

import jakarta.enterprise.inject.Produces;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** A JSON-B producer in a class without a bean-defining annotation: ignored under annotated discovery, and said. */
public class UnannotatedJsonb {

    @Produces
    Jsonb jsonb() {
        return JsonbBuilder.create();
    }
}
