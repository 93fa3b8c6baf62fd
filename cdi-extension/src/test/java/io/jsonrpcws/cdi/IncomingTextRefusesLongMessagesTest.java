package io.jsonrpcws.cdi;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Text messages are put together from their parts and counted in UTF-8 bytes: a message at the limit is
 * delivered whole, one byte more is refused on the part that crosses the limit, once, and nothing after it
 * is delivered.
 */
class IncomingTextRefusesLongMessagesTest {

    private final List<String> delivered = new ArrayList<>();
    private int refusals;
    private final IncomingText text = new IncomingText(10, delivered::add, () -> refusals++);

    @Test
    void fragmentsAtTheLimitAreDeliveredAsOneMessage() {
        text.onMessage("12345", false);
        text.onMessage("", false);
        text.onMessage("\u20ac67", true);

        text.onMessage("whole", true);

        assertEquals(List.of("12345\u20ac67", "whole"), delivered);
        assertEquals(0, refusals);
    }

    @Test
    void thePartThatCrossesTheLimitRefusesTheMessageOnce() {
        text.onMessage("12345", false);
        text.onMessage("\u20ac\u20ac", false);
        text.onMessage("more", true);
        text.onMessage("short", true);

        assertEquals(List.of(), delivered);
        assertEquals(1, refusals);
    }

    @Test
    void aWholeMessageIsCountedInBytes() {
        text.onMessage("\u20ac\u20ac\u20ac\u20ac", true);

        assertEquals(List.of(), delivered);
        assertEquals(1, refusals);
    }
}
