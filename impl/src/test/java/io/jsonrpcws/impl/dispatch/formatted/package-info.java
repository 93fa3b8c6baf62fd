/** Types whose numbers JSON-B reads in a format of this package's: left to JSON-B. */
@JsonbNumberFormat("#,##0.00")
package io.jsonrpcws.impl.dispatch.formatted;

import jakarta.json.bind.annotation.JsonbNumberFormat;
