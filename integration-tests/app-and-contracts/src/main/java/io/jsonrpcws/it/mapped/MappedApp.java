package io.jsonrpcws.it.mapped;

import java.util.List;

/** The classes of the application with its own exception mapper and JSON-B settings. */
public final class MappedApp {

    /** Every class of the application. */
    public static final List<Class<?>> CLASSES = List.of(Ledger.class, Ledger.Entry.class, Overdrawn.class,
            OverdrawnMapper.class, SnakeCase.class);

    private MappedApp() {
    }
}
