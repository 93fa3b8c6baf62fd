package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.protocol.PeerProtocol;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcParam;
import io.jsonrpcws.api.NamedParams;
import io.jsonrpcws.impl.connection.PeerConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link NamedParams} method needs a name for each parameter: an interface compiled without {@code -parameters}
 * and without {@link JsonRpcParam}, or two parameters of one name, fail when the proxy is made, naming the method,
 * the parameter and the remedy, every problem at once.
 */
class NamedParamsWithoutNamesFailTheProxyTest {

    public interface Twice {
        @JsonRpcMethod
        @NamedParams
        void pair(@JsonRpcParam("a") String first, @JsonRpcParam("a") String second);
    }

    private final OutgoingCalls calls = new Peer(Rpc.engine(new Object()), PeerProtocol.AUTO).outgoingCalls();

    @Test
    void anInterfaceCompiledWithoutParameterNamesIsRefused(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("src/gen/Unnamed.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package gen;
                import io.jsonrpcws.api.JsonRpcMethod;
                import io.jsonrpcws.api.JsonRpcParam;
                import io.jsonrpcws.api.NamedParams;
                public interface Unnamed {
                    @JsonRpcMethod @NamedParams
                    void update(String subscription, Object result);
                    @JsonRpcMethod @NamedParams
                    void labelled(@JsonRpcParam("subscription") String subscription);
                    @JsonRpcMethod
                    void positional(String subscription);
                }
                """);
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, null, errors, "--release", "17", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), source.toString());
        assertEquals(0, exit, errors::toString);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> unnamed = loader.loadClass("gen.Unnamed");
            assertTrue(!unnamed.getMethod("update", String.class, Object.class).getParameters()[0].isNamePresent(),
                    "compiled without -parameters");

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RemoteProxies.create(unnamed, calls));
            assertEquals("remote interface gen.Unnamed: update's parameter 0 (String) has no name for @NamedParams: "
                    + "compile the interface with -parameters, or annotate the parameter with @JsonRpcParam(\"name\"); "
                    + "update's parameter 1 (Object) has no name for @NamedParams: compile the interface with -parameters, "
                    + "or annotate the parameter with @JsonRpcParam(\"name\")", e.getMessage());
        }
    }

    @Test
    void twoParametersOfOneNameAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RemoteProxies.create(Twice.class, calls));
        assertTrue(e.getMessage().endsWith("pair's parameter 1 (String) is named \"a\" like an earlier parameter"), e.getMessage());
    }
}
