/**
 * The codec: reads a frame (envelope, ids, versions, limits) in one pass, handing its params to the dispatcher
 * ({@link io.jsonrpcws.impl.codec.ParamsReader}) as they stream by, and writes answers and calls. Knows no Java
 * types of the application.
 */
package io.jsonrpcws.impl.codec;
