/**
 * What a connection is to the engine, and what every transport shares: the frame scheduler and the serial sender.
 */
package io.jsonrpcws.impl.connection;
