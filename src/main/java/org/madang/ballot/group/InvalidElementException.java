package org.madang.ballot.group;

/** Bytes that do not encode a member of the group (or a scalar in [0, q)). */
public final class InvalidElementException extends Exception {
    public InvalidElementException(String message) {
        super(message);
    }
}
