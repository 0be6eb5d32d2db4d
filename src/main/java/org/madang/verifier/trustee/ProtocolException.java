package org.madang.verifier.trustee;

/** The ceremony or decryption cannot go on: a message failed its check, the server contradicts itself, or time ran out. */
public final class ProtocolException extends Exception {
    public ProtocolException(String message) {
        super(message);
    }
}
