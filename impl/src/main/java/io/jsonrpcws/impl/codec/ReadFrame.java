package io.jsonrpcws.impl.codec;

import io.jsonrpcws.impl.model.ResultKind;
import io.jsonrpcws.impl.protocol.Incoming;

import java.util.List;

/**
 * A frame read by the engine, its params bound, not yet run: the answer fixed already (a parse error, a limit),
 * or one message, or a batch's messages (never empty). Transports read on the thread that received the frame
 * and run the frame where they choose: answers to this side's calls and
 * refusals need no executor, calls of application methods do.
 */
public record ReadFrame(String answer, Incoming single, List<Incoming> batch) {

    /** A frame answered already (a parse error, a limit): there is nothing to run. */
    public static ReadFrame answered(String answer) {
        return new ReadFrame(answer, null, null);
    }

    /** A frame of one message. */
    static ReadFrame single(Incoming message) {
        return new ReadFrame(null, message, null);
    }

    /** A batch's messages. */
    static ReadFrame batch(List<Incoming> messages) {
        return new ReadFrame(null, null, messages);
    }

    /**
     * Whether the frame only answers this side's own calls (one answer, or a batch of answers): it is settled
     * at once, never waits behind calls, and sends nothing back.
     */
    public boolean onlyAnswers() {
        if (single != null) {
            return single instanceof Incoming.Response;
        }
        if (batch != null) {
            for (Incoming m : batch) {
                if (!(m instanceof Incoming.Response)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Whether the frame only cancels calls ({@code $/cancelRequest}): it is run as it is read, ahead of the calls
     * waiting their turn, in-order connections included, since the calls it cancels may be among them.
     */
    public boolean onlyCancels() {
        if (single != null) {
            return isCancel(single);
        }
        if (batch != null) {
            for (Incoming m : batch) {
                if (!isCancel(m)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isCancel(Incoming m) {
        return m instanceof Incoming.Notification n ? n.method().resultKind() == ResultKind.CANCEL
                : m instanceof Incoming.Request r && r.method().resultKind() == ResultKind.CANCEL;
    }

    /** Whether running the frame calls application methods; if not, it is cheap and never blocks. */
    public boolean callsMethods() {
        if (single != null) {
            return isCall(single);
        }
        if (batch != null) {
            for (Incoming m : batch) {
                if (isCall(m)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether running the frame may block: it calls an application method not declared
     * {@link io.jsonrpcws.api.NonBlocking}. A frame that may not block can run on the thread that read it.
     */
    public boolean mayBlock() {
        if (single != null) {
            return mayBlock(single);
        }
        if (batch != null) {
            for (Incoming m : batch) {
                if (mayBlock(m)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mayBlock(Incoming m) {
        if (m instanceof Incoming.Request r) {
            return !r.method().nonBlocking();
        }
        return m instanceof Incoming.Notification n && !n.method().nonBlocking();
    }

    private static boolean isCall(Incoming m) {
        return m instanceof Incoming.Request || m instanceof Incoming.Notification;
    }
}
