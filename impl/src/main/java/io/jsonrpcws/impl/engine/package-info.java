/**
 * The engine, which takes one frame through codec, dispatcher and invoker to its answer's text, and this side's
 * calls to the peer.
 */
package io.jsonrpcws.impl.engine;
