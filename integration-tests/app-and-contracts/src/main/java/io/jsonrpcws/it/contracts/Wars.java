package io.jsonrpcws.it.contracts;

import io.jsonrpcws.it.app.Clubhouse;
import io.jsonrpcws.it.app.Errand;
import io.jsonrpcws.it.app.TestApp;
import io.jsonrpcws.it.broken.Clash;
import io.jsonrpcws.it.mapped.Ledger;
import io.jsonrpcws.it.mapped.MappedApp;
import io.jsonrpcws.it.mapped.Overdrawn;
import io.jsonrpcws.it.mapped.OverdrawnMapper;
import io.jsonrpcws.it.mapped.SnakeCase;
import io.jsonrpcws.it.startup.Logbook;
import io.jsonrpcws.it.startup.StartupApp;
import jakarta.enterprise.inject.spi.Extension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The WARs the containers deploy: the application's classes, {@code beans.xml} (annotated discovery) and,
 * in {@code WEB-INF/lib}, only the jsonrpcws jars (api, impl, cdi-extension) that the build copied to the
 * directory named by the system property {@value #LIBS}.
 */
public final class Wars {

    /** The system property naming the directory of the jsonrpcws jars. */
    public static final String LIBS = "jsonrpcws.it.libs";

    /** The system property naming the WAR that the WAR archetype's integration test generated and built. */
    public static final String GENERATED = "jsonrpcws.it.generated-war";

    private Wars() {
    }

    /** The test application. */
    public static WebArchive app() {
        return war("jsonrpcws-it.war").addClasses(TestApp.CLASSES.toArray(Class<?>[]::new));
    }

    /** The application with its own exception mapper and JSON-B settings: {@link MappedApp}. */
    public static WebArchive mapped() {
        return war("jsonrpcws-it-mapped.war").addClasses(MappedApp.CLASSES.toArray(Class<?>[]::new));
    }

    /**
     * {@link #mapped()} with the exception, its mapper and the JSON-B settings in a bean jar of {@code WEB-INF/lib},
     * the service alone in {@code WEB-INF/classes}: a bean archive of its own besides the framework's.
     */
    public static WebArchive mappedInLibrary() {
        JavaArchive library = ShrinkWrap.create(JavaArchive.class, "ledger-customisations.jar")
                .addClasses(Overdrawn.class, OverdrawnMapper.class, SnakeCase.class)
                .addAsManifestResource(Wars.class.getResource("/io/jsonrpcws/it/beans.xml"), "beans.xml");
        return war("jsonrpcws-it-mapped-lib.war").addClasses(Ledger.class, Ledger.Entry.class).addAsLibrary(library);
    }

    /**
     * The application whose deployment log is read ({@link StartupApp}), under annotated discovery, with its
     * {@link Logbook} registered as a portable extension.
     */
    public static WebArchive startup() {
        return war("jsonrpcws-it-startup.war").addClasses(StartupApp.CLASSES.toArray(Class<?>[]::new))
                .addAsServiceProvider(Extension.class, Logbook.class);
    }

    /** The WAR of a project generated from the WAR archetype, as its build made it: {@value #GENERATED}. */
    public static WebArchive generated() {
        String path = System.getProperty(GENERATED);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("no WAR at " + path + " (system property " + GENERATED
                    + "): the WAR archetype's integration test builds it; was it skipped?");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }

    /** The broken application: {@link Clash}. */
    public static WebArchive broken() {
        return war("jsonrpcws-it-broken.war").addClass(Clash.class);
    }

    /**
     * The application with only {@link Clubhouse}, its endpoint for authenticated users of the container's realm
     * (BASIC), the role {@code member} mapped to the realm's group {@code member} where the container needs that.
     */
    public static WebArchive clubhouse() {
        return war("jsonrpcws-it-club.war").addClass(Clubhouse.class)
                .setWebXML(Wars.class.getResource("/io/jsonrpcws/it/club-web.xml"))
                .addAsWebInfResource(Wars.class.getResource("/io/jsonrpcws/it/club-glassfish-web.xml"), "glassfish-web.xml");
    }

    /** The application with only {@link Clubhouse}, its endpoint open: no security constraint, no login. */
    public static WebArchive openClubhouse() {
        return war("jsonrpcws-it-club-open.war").addClass(Clubhouse.class);
    }

    /** The application with only {@link Errand}, a call that takes a while, for undeploying under it. */
    public static WebArchive errand() {
        return war("jsonrpcws-it-errand.war").addClass(Errand.class);
    }

    private static WebArchive war(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addAsLibraries(frameworkJars())
                .addAsWebInfResource(Wars.class.getResource("/io/jsonrpcws/it/beans.xml"), "beans.xml");
    }

    private static File[] frameworkJars() {
        String dir = System.getProperty(LIBS);
        if (dir == null) {
            throw new IllegalStateException("system property " + LIBS + " is not set");
        }
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            File[] jars = files.filter(p -> p.toString().endsWith(".jar")).map(Path::toFile).toArray(File[]::new);
            if (jars.length != 3) {
                throw new IllegalStateException("expected the api, impl and cdi-extension jars in " + dir
                        + ", found " + java.util.Arrays.toString(jars));
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The WebSocket endpoint of a deployment at {@code base}, on 127.0.0.1 whatever host the container
     * reported (Payara Micro reports the machine's address).
     */
    public static URI endpoint(URL base) {
        String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        return URI.create("ws://127.0.0.1:" + base.getPort() + path + "jsonrpc");
    }
}
