package org.madang.verifier.trustee;

/** The server refused a request or could not be reached; the message is one line fit for the trustee to read. */
public final class RelayException extends Exception {

    private final int status;

    public RelayException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }
}
