package io.jsonrpcws.impl.model;

import io.jsonrpcws.impl.protocol.ErrorObject;

/**
 * Checks the bound arguments of one method before it runs, such as Bean Validation of its constrained
 * parameters. Made at deployment, and only for methods that have something to check: a method without one
 * pays nothing. The engine calls it on the invoking thread, inside the method's {@link InvocationScope}, for
 * requests and notifications alike; called concurrently, so implementations are thread-safe.
 */
@FunctionalInterface
public interface ParamCheck {

    /**
     * @param args the arguments, one per Java parameter, bound and resolved (context parameters included); not to
     *             be changed
     * @return {@code null} when the method may run with them; otherwise the error answered instead, and the method
     *         does not run (a notification gets no answer)
     * @throws RuntimeException when the check itself fails: answered and logged as a failure of the method
     */
    ErrorObject check(Object[] args);
}
