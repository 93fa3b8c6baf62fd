package io.jsonrpcws.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter that receives the params the other parameters leave: the last JSON parameter of a
 * method (parameters supplied by the runtime, such as {@link JsonRpcSession}, do not count).
 *
 * <ul>
 *   <li>On a {@code List<T>} or an array: the remaining positional params, each bound as a {@code T} as strictly
 *       as any parameter ({@code sum(1, 2, 3)}); none remaining gives an empty list. By name, it is one member
 *       holding an array, and may be left out (empty). A Java varargs parameter ({@code int... values}) works so
 *       without this annotation.</li>
 *   <li>On a {@code jakarta.json.JsonValue}, {@code JsonArray} or {@code JsonObject} that is the method's only JSON
 *       parameter: the params whole, as they came, without any binding: the array of a positional call, the
 *       object of a by-name call, and for absent params {@code JsonValue.NULL} (a {@code JsonArray} then receives
 *       an empty array, a {@code JsonObject} an empty object). A {@code JsonArray} parameter refuses by-name params
 *       and a {@code JsonObject} parameter positional ones, with -32602.</li>
 * </ul>
 *
 * <p>Any other use (two such parameters, one that is not last, a whole-params parameter beside other JSON
 * parameters, another type) fails deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface JsonRpcParams {
}
