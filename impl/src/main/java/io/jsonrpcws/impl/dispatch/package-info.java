/**
 * The dispatcher: binds params to a method's Java parameters straight from the codec's parser, strictly, problems
 * told in the client's terms. Methods are resolved in the {@link io.jsonrpcws.impl.model.MethodTable} built at
 * deployment.
 */
package io.jsonrpcws.impl.dispatch;
