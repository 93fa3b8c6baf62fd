package io.jsonrpcws.client;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.cdi.RuntimeConfig;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server's record of what reached it, in order, for tests of what the client sends when. */
@ApplicationScoped
@JsonRpcService("journal")
public class Journal {

    private final List<String> entries = new CopyOnWriteArrayList<>();

    @JsonRpcMethod
    public String add(String entry) {
        entries.add(entry);
        return entry;
    }

    @JsonRpcMethod
    public void note(String entry) {
        entries.add(entry);
    }

    public List<String> entries() {
        return List.copyOf(entries);
    }

    /** A server with a journal on 127.0.0.1 and {@code port} (0: a free one), running one frame at a time. */
    static JsonRpcServer start(int port) {
        return JsonRpcServer.builder().host("127.0.0.1").port(port)
                .config(RuntimeConfig.builder().set("jsonrpcws.in-order", "true").build())
                .beanClasses(Journal.class).start();
    }

    static List<String> of(JsonRpcServer server) {
        return server.cdi().select(Journal.class).get().entries();
    }
}
