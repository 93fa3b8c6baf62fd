/**
 * The codec: reads a frame (envelope, ids, versions, limits) in one pass, handing its params to the dispatcher
 * ({@link io.jsonrpcws.impl.codec.ParamsReader}) as they stream by, and writes answers and calls. The values it
 * writes go through JSON-B, or through a fast path ({@link io.jsonrpcws.impl.codec.ValueWriters}) that knows the
 * application's classes only as JSON-B's default mapping would see them, and only where it writes them exactly as
 * JSON-B does.
 */
package io.jsonrpcws.impl.codec;
