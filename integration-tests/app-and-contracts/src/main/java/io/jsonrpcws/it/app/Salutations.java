package io.jsonrpcws.it.app;

import jakarta.enterprise.context.ApplicationScoped;

/** A plain bean, no service, that {@link Reception} injects. */
@ApplicationScoped
public class Salutations {

    public String welcome(String name) {
        return "Welcome, " + name;
    }
}
