/** What the engine knows of Java's types as JSON-B sees them, shared by binding and writing. */
package io.jsonrpcws.impl.types;
