/**
 * The invoker: runs a bound call (access, context params, param check, the method in its scope) and turns its
 * failures into error objects. Knows no JSON.
 */
package io.jsonrpcws.impl.invoke;
