package io.jsonrpcws.cdi;

/** An amount in cents; written in JSON as {@code "12.34 EUR"} only by the application's adapter. */
public record Money(long cents, String currency) {

    Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currencies differ");
        }
        return new Money(cents + other.cents, currency);
    }
}
