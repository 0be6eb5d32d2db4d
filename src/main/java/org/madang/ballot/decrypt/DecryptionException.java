package org.madang.ballot.decrypt;

/** A decryption message that must be refused; the message names the guardian and what is wrong. */
public final class DecryptionException extends Exception {
    public DecryptionException(String message) {
        super(message);
    }
}
