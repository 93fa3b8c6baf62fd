package io.jsonrpcws.it.mapped;

/** An application exception that only {@link OverdrawnMapper} turns into a JSON-RPC error. */
public class Overdrawn extends RuntimeException {

    public Overdrawn(int amount) {
        super("cannot withdraw " + amount);
    }
}
