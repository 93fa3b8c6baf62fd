package io.jsonrpcws.it.startup;

import io.jsonrpcws.it.mapped.MappedApp;

import java.util.ArrayList;
import java.util.List;

/**
 * The application whose startup is read: {@link MappedApp} (a mapper and JSON-B settings that apply), a mapper and
 * a producer that CDI ignores, and the {@link Logbook} that keeps the log.
 */
public final class StartupApp {

    /** Every class of the application. */
    public static final List<Class<?>> CLASSES;

    static {
        List<Class<?>> classes = new ArrayList<>(MappedApp.CLASSES);
        classes.addAll(List.of(Logbook.class, LogbookService.class, UnannotatedMapper.class, UnannotatedJsonb.class));
        CLASSES = List.copyOf(classes);
    }

    private StartupApp() {
    }
}
