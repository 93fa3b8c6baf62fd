package io.jsonrpcws.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a {@link JsonRpcMethod} (or every one of a {@link JsonRpcService} class) never blocks: no
 * I/O, no locks held for long, no waiting on other calls. Such a method runs on the thread that read its
 * frame, saving the hand-off to the call executor (a few microseconds and two context switches per call).
 *
 * <p>A frame runs inline only when every call in it is non-blocking, and never with in-order processing
 * ({@code jsonrpcws.in-order}), where frames keep their queue. A method that blocks anyway stalls the
 * reading of its connection and, on some containers, of others: when in doubt, leave it out.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NonBlocking {
}
