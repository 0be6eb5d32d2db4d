package org.madang.ballot.json;

/** Thrown when text is not well-formed JSON or exceeds the reader's limits. */
public final class JsonException extends Exception {
    public JsonException(String message) {
        super(message);
    }
}
