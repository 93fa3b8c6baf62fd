package io.jsonrpcws.impl.protocol;

import java.util.Locale;

/**
 * Which JSON-RPC version this side writes its calls to the peer in: the one the peer speaks, learnt from the
 * first message it sends, or a fixed one.
 */
public enum PeerProtocol {

    /** The version of the peer's first message that has one (a call, a notification or an answer); 2.0 until then. */
    AUTO("auto"),
    /** Always JSON-RPC 2.0. */
    V2_0("2.0"),
    /** Always JSON-RPC 1.0: params always an array, {@code "id": null} for notifications. */
    V1_0("1.0");

    private final String text;

    PeerProtocol(String text) {
        this.text = text;
    }

    /**
     * The protocol of a configuration value.
     *
     * @param text {@code auto}, {@code 2.0} or {@code 1.0}
     * @throws IllegalArgumentException for anything else
     */
    public static PeerProtocol of(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (PeerProtocol p : values()) {
            if (p.text.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("must be auto, 2.0 or 1.0: " + text);
    }

    /** The configuration value of this protocol: {@code auto}, {@code 2.0} or {@code 1.0}. */
    @Override
    public String toString() {
        return text;
    }
}
