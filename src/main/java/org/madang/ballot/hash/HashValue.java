package org.madang.ballot.hash;

import java.util.Arrays;
import java.util.Base64;

/** A 32-byte output of ElectionGuard's hash function H (the spec's B^32 values). */
public final class HashValue {

    public static final int BYTES = 32;

    private final byte[] bytes;

    private HashValue(byte[] bytes) {
        this.bytes = bytes;
    }

    public static HashValue of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a hash value is " + BYTES + " bytes, found " + bytes.length);
        }
        return new HashValue(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashValue h && Arrays.equals(h.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toBase64();
    }
}
