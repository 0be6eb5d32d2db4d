package org.madang.ballot.group;

import java.math.BigInteger;

/** Fixed-length big-endian encodings used by the spec (section 5.1). */
public final class Bytes {

    private Bytes() {
    }

    /** b(x, n): x as n bytes, big-endian, left-padded with zeros. */
    public static byte[] fixedLength(BigInteger x, int n) {
        if (x.signum() < 0) {
            throw new IllegalArgumentException("negative value has no fixed-length encoding");
        }
        byte[] raw = x.toByteArray();
        int start = 0;
        while (start < raw.length - 1 && raw[start] == 0) {
            start++;
        }
        int len = raw.length - start;
        if (len > n) {
            throw new IllegalArgumentException("value needs " + len + " bytes, more than " + n);
        }
        byte[] out = new byte[n];
        System.arraycopy(raw, start, out, n - len, len);
        return out;
    }

    /** b(i, 4) for the small non-negative integers (indices, counts) hashed by the spec. */
    public static byte[] int4(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("negative integer in hash input");
        }
        return new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
