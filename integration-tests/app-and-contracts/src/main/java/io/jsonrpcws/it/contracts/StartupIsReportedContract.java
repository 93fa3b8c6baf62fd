package io.jsonrpcws.it.contracts;

import io.jsonrpcws.it.mapped.Overdrawn;
import io.jsonrpcws.it.mapped.OverdrawnMapper;
import io.jsonrpcws.it.mapped.SnakeCase;
import io.jsonrpcws.it.startup.UnannotatedJsonb;
import io.jsonrpcws.it.startup.UnannotatedMapper;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the container's log says when a WAR deploys: one startup line with the path clients use (the context root
 * included), HTTP, the mappers and the JSON-B settings that apply; and a warning for each mapper or producer that CDI
 * ignored because it has no bean-defining annotation under annotated discovery. Target: {@link Wars#startup()}.
 */
public abstract class StartupIsReportedContract extends JsonRpcTarget {

    @Test
    void startupLineNamesTheContextRootMappersAndJsonb() {
        List<String> lines = logged();
        String at = " JSON-RPC methods at " + endpoint().getPath() + " (WebSocket and HTTP POST)";
        List<String> startup = lines.stream().filter(l -> l.contains(at)).toList();
        assertEquals(1, startup.size(), "one startup line with \"" + at + "\" in " + lines);
        String line = startup.get(0);
        assertTrue(line.startsWith("INFO JRWS-0108 jsonrpcws: 3 JSON-RPC methods"), line);
        assertTrue(line.contains("exception mappers: " + OverdrawnMapper.class.getName() + " (" + Overdrawn.class.getName() + ")"), line);
        assertTrue(line.contains("JSON-B: the application's JsonbConfig (" + SnakeCase.class.getName() + ")"), line);
    }

    @Test
    void mapperAndProducerThatAreNoBeansAreNamedInAWarning() {
        List<String> lines = logged();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARNING JRWS-0603 exception mapper "
                + UnannotatedMapper.class.getName() + " is not used: it is not a CDI bean")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARNING JRWS-0603 JSON-B producer "
                + UnannotatedJsonb.class.getName() + " is not used")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("JRWS-0603") && l.contains(OverdrawnMapper.class.getName())),
                "a mapper that applies is not warned of: " + lines);
    }

    private List<String> logged() {
        try (RpcClient client = RpcClient.connect(endpoint())) {
            return client.callForObject("{\"jsonrpc\":\"2.0\",\"method\":\"logbook.lines\",\"id\":1}")
                    .getJsonArray("result").stream().map(v -> ((JsonString) v).getString()).toList();
        }
    }
}
