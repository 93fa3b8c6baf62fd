package io.jsonrpcws.benchmarks.load;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.websocket.jakarta.WebSocketEndpoint;

/** LSP4J's Jakarta WebSocket endpoint serving {@link LspEchoService}; one launcher per connection. */
public class LspEchoEndpoint extends WebSocketEndpoint<LspEchoService.Peer> {

    @Override
    protected void configure(Launcher.Builder<LspEchoService.Peer> builder) {
        builder.setLocalService(new LspEchoService());
        builder.setRemoteInterface(LspEchoService.Peer.class);
    }
}
