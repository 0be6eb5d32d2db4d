package org.madang.ballot.group.p256;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast field against BigInteger arithmetic mod p, on random values and on the edges (0, 1,
 * p − 1, values near 2^256 and just below p). The seed is printed; set -Dp256.seed to replay.
 */
class P256FieldTest {

    private static final BigInteger P = P256Field.P;

    static long seed() {
        long seed = Long.getLong("p256.seed", System.nanoTime());
        System.out.println("P-256 property test seed: " + seed + " (replay with -Dp256.seed=" + seed + ")");
        return seed;
    }

    static List<BigInteger> values(Random random, int count) {
        List<BigInteger> v = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, P.subtract(BigInteger.ONE),
                P.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(224).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(52).subtract(BigInteger.ONE), P.shiftRight(1)));
        for (int i = 0; i < count; i++) {
            v.add(new BigInteger(256, random).mod(P));
        }
        return v;
    }

    private static long[] m(BigInteger x) {
        return P256Field.fromBigInteger(x);
    }

    private static BigInteger b(long[] a) {
        return P256Field.toBigInteger(a, 0);
    }

    /** Every result must also keep the representation invariant: limbs below 2^52, value below 2p. */
    private static void assertWeaklyReduced(long[] a) {
        BigInteger v = BigInteger.ZERO;
        for (int i = P256Field.LIMBS - 1; i >= 0; i--) {
            assertThat(a[i]).isBetween(0L, P256Field.M52);
            v = v.shiftLeft(52).add(BigInteger.valueOf(a[i]));
        }
        assertThat(v).isLessThan(P.shiftLeft(1));
    }

    @Test
    void arithmeticAgreesWithBigInteger() {
        Random random = new Random(seed());
        List<BigInteger> values = values(random, 300);
        long[] r = new long[P256Field.LIMBS];
        for (int i = 0; i < values.size(); i++) {
            BigInteger x = values.get(i);
            BigInteger y = values.get((i * 7 + 3) % values.size());
            long[] mx = m(x);
            long[] my = m(y);
            assertThat(b(mx)).isEqualTo(x);
            P256Field.mul(r, 0, mx, 0, my, 0);
            assertWeaklyReduced(r);
            assertThat(b(r)).as("%s · %s", x, y).isEqualTo(x.multiply(y).mod(P));
            P256Field.sqr(r, 0, mx, 0);
            assertWeaklyReduced(r);
            assertThat(b(r)).as("%s²", x).isEqualTo(x.multiply(x).mod(P));
            P256Field.add(r, 0, mx, 0, my, 0);
            assertWeaklyReduced(r);
            assertThat(b(r)).isEqualTo(x.add(y).mod(P));
            P256Field.sub(r, 0, mx, 0, my, 0);
            assertWeaklyReduced(r);
            assertThat(b(r)).isEqualTo(x.subtract(y).mod(P));
            for (int k = 0; k <= 8; k++) {
                P256Field.mulSmall(r, 0, mx, 0, k);
                assertWeaklyReduced(r);
                assertThat(b(r)).isEqualTo(x.multiply(BigInteger.valueOf(k)).mod(P));
            }
            P256Field.neg(r, 0, mx, 0);
            assertWeaklyReduced(r);
            assertThat(b(r)).isEqualTo(x.negate().mod(P));
            P256Field.invert(r, 0, mx, 0);
            assertThat(b(r)).isEqualTo(x.signum() == 0 ? BigInteger.ZERO : x.modInverse(P));
            assertThat(P256Field.isZero(mx, 0)).isEqualTo(x.signum() == 0);
            assertThat(P256Field.equal(mx, 0, my, 0)).isEqualTo(x.equals(y));
        }
    }

    @Test
    void chainsOfOperationsStayWeaklyReduced() {
        // Long chains push intermediate values towards 2p, where a wrong bound would show.
        Random random = new Random(seed());
        BigInteger expected = new BigInteger(256, random).mod(P);
        long[] acc = m(expected);
        for (int i = 0; i < 5000; i++) {
            BigInteger y = new BigInteger(256, random).mod(P);
            long[] my = m(y);
            switch (i % 4) {
                case 0 -> {
                    P256Field.add(acc, 0, acc, 0, my, 0);
                    expected = expected.add(y).mod(P);
                }
                case 1 -> {
                    P256Field.mul(acc, 0, acc, 0, my, 0);
                    expected = expected.multiply(y).mod(P);
                }
                case 2 -> {
                    P256Field.sub(acc, 0, acc, 0, my, 0);
                    expected = expected.subtract(y).mod(P);
                }
                default -> {
                    P256Field.sqr(acc, 0, acc, 0);
                    P256Field.mulSmall(acc, 0, acc, 0, 8);
                    expected = expected.multiply(expected).multiply(BigInteger.valueOf(8)).mod(P);
                }
            }
            assertWeaklyReduced(acc);
        }
        assertThat(b(acc)).isEqualTo(expected);
    }

    @Test
    void squareRootsOfSquaresAndNonSquares() {
        Random random = new Random(seed());
        long[] r = new long[P256Field.LIMBS];
        for (BigInteger x : values(random, 100)) {
            BigInteger square = x.multiply(x).mod(P);
            assertThat(P256Field.sqrt(r, 0, m(square), 0)).isTrue();
            BigInteger root = b(r);
            assertThat(root.multiply(root).mod(P)).isEqualTo(square);
            // p ≡ 3 mod 4, so −1 is a non-square and −x² has no root unless x = 0
            BigInteger nonSquare = square.negate().mod(P);
            assertThat(P256Field.sqrt(r, 0, m(nonSquare), 0)).isEqualTo(x.signum() == 0);
        }
    }

    @Test
    void bytesAreBigEndianAndCanonical() {
        Random random = new Random(seed());
        for (BigInteger x : values(random, 50)) {
            byte[] out = new byte[32];
            int lowBit = P256Field.toBytes(m(x), 0, out, 0);
            assertThat(new BigInteger(1, out)).isEqualTo(x);
            assertThat(lowBit).isEqualTo(x.testBit(0) ? 1 : 0);
        }
    }
}
