package io.jsonrpcws.impl.dispatch;

/**
 * A param value refused while JSON-B reads it, such as a number it would bind with loss; the message is
 * the problem as the client is told it. Thrown from the parser JSON-B reads, so JSON-B may wrap it.
 */
final class ParamRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ParamRefusal(String problem) {
        super(problem, null, false, false);
    }

    /** A refusal because JSON-B failed, for the server's log. */
    ParamRefusal(String problem, Throwable jsonbFailure) {
        super(problem, jsonbFailure, false, false);
    }

    /** The refusal in this failure's causes, or {@code null}. */
    static ParamRefusal in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ParamRefusal r) {
                return r;
            }
        }
        return null;
    }
}
