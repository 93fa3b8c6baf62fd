/** A package whose classes JSON-B writes with their {@code null} properties. */
@JsonbNillable
package io.jsonrpcws.impl.codec.nillable;

import jakarta.json.bind.annotation.JsonbNillable;
