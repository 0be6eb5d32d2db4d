package org.madang.ballot.record;

/** A record file that is missing, not JSON, or not shaped or valued as the record format requires. */
public final class RecordFormatException extends Exception {
    public RecordFormatException(String message) {
        super(message);
    }
}
