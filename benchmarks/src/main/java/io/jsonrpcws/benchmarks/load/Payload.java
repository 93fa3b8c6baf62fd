package io.jsonrpcws.benchmarks.load;

import java.nio.charset.StandardCharsets;

/** What each call sends: the request's text around its id, as UTF-8. */
public enum Payload {

    /** {@code echo("hello")}. */
    SMALL("small", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hello\"],\"id\":"),
    /** {@code echoObject(customer)}, a ~1 KB object bound to a record and written back. */
    OBJECT("1 KB object", "{\"jsonrpc\":\"2.0\",\"method\":\"echoObject\",\"params\":[" + Payload.CUSTOMER + "],\"id\":");

    /** The object of {@link #OBJECT}: scalars, a list of strings, a nested object and some text. */
    public static final String CUSTOMER = "{"
            + "\"id\":1234567,\"name\":\"Ada Lovelace\",\"email\":\"ada.lovelace@example.org\",\"active\":true,"
            + "\"score\":98.25,\"tags\":[\"analytical-engine\",\"mathematics\",\"poetry\",\"notes\",\"bernoulli\","
            + "\"algorithms\",\"london\",\"babbage\",\"difference-engine\",\"computing\",\"history\",\"science\"],"
            + "\"address\":{\"street\":\"12 St James's Square\",\"city\":\"London\",\"postalCode\":\"SW1Y 4JH\","
            + "\"country\":\"United Kingdom\"},"
            + "\"notes\":\"Augusta Ada King, Countess of Lovelace, was an English mathematician and writer, chiefly"
            + " known for her work on Charles Babbage's proposed mechanical general-purpose computer, the Analytical"
            + " Engine. She was the first to recognise that the machine had applications beyond pure calculation,"
            + " and published the first algorithm intended to be carried out by such a machine. Her notes on the"
            + " engine include what is recognised as the first algorithm intended to be processed by a machine,"
            + " a method for calculating a sequence of Bernoulli numbers.\"}";

    private final String label;
    private final byte[] beforeId;

    Payload(String label, String beforeId) {
        this.label = label;
        this.beforeId = beforeId.getBytes(StandardCharsets.UTF_8);
    }

    public String label() {
        return label;
    }

    /** The request's bytes up to its id; the id and a closing brace follow. */
    byte[] beforeId() {
        return beforeId;
    }

    /** The whole request with this id, as text. */
    public String request(long id) {
        return new String(beforeId, StandardCharsets.UTF_8) + id + "}";
    }
}
