package org.madang.ballot.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The variable-time P-256 code (public exponents) against Bouncy Castle: scalar multiplication
 * for 0, 1, q − 1 and random scalars, fixed-base tables, multi-exponentiation, batches, point
 * addition edge cases and decompression. The seed is printed; set -Dp256.seed to replay.
 */
class P256PublicArithmeticTest {

    private static final P256Group GROUP = P256Group.instance();
    private static final X9ECParameters BC = CustomNamedCurves.getByName("P-256");
    private static final BigInteger Q = GROUP.order();

    private static Random random() {
        long seed = Long.getLong("p256.seed", System.nanoTime());
        System.out.println("P-256 public arithmetic seed: " + seed + " (replay with -Dp256.seed=" + seed + ")");
        return new Random(seed);
    }

    private static List<BigInteger> scalars(Random random, int count) {
        List<BigInteger> s = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3),
                BigInteger.valueOf(15), BigInteger.valueOf(16), BigInteger.valueOf(17), Q.subtract(BigInteger.ONE),
                Q.subtract(BigInteger.TWO), Q.shiftRight(1), BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(128),
                BigInteger.ONE.shiftLeft(252).subtract(BigInteger.ONE)));
        for (int i = 0; i < count; i++) {
            s.add(new BigInteger(256, random).mod(Q));
        }
        return s;
    }

    private static byte[] bc(ECPoint p) {
        if (p.isInfinity()) {
            byte[] ff = new byte[33];
            java.util.Arrays.fill(ff, (byte) 0xFF);
            return ff;
        }
        return p.normalize().getEncoded(true);
    }

    private static ECPoint bcPoint(Element e) throws Exception {
        byte[] enc = e.encode();
        return e.isIdentity() ? BC.getCurve().getInfinity() : BC.getCurve().decodePoint(enc);
    }

    @Test
    void variableAndFixedBaseMultiplicationMatchBouncyCastle() throws Exception {
        Random random = random();
        ECPoint g = BC.getG();
        for (BigInteger k : scalars(random, 40)) {
            Scalar x = GROUP.scalar(k);
            byte[] expected = bc(g.multiply(k));
            assertThat(GROUP.publicPow(GROUP.generator(), x).encode()).as("variable-base g^%s", k).isEqualTo(expected);
            assertThat(GROUP.publicPow(GROUP.fixedBase(GROUP.generator()), x).encode()).as("fixed-base g^%s", k).isEqualTo(expected);
            assertThat(GROUP.gPow(x).encode()).as("constant-time g^%s", k).isEqualTo(expected);
        }
        for (int i = 0; i < 10; i++) {
            BigInteger r = new BigInteger(256, random).mod(Q).add(BigInteger.ONE);
            Element base = GROUP.gPow(GROUP.scalar(r));
            FixedBase table = GROUP.fixedBase(base);
            ECPoint bcBase = bcPoint(base);
            for (BigInteger k : scalars(random, 5)) {
                byte[] expected = bc(bcBase.multiply(k));
                assertThat(GROUP.publicPow(base, GROUP.scalar(k)).encode()).isEqualTo(expected);
                assertThat(GROUP.publicPow(table, GROUP.scalar(k)).encode()).isEqualTo(expected);
                assertThat(base.pow(GROUP.scalar(k)).encode()).isEqualTo(expected);
            }
        }
    }

    @Test
    void multiExponentiationIsTheProductOfSeparatePowers() throws Exception {
        Random random = random();
        List<BigInteger> ks = scalars(random, 20);
        Element k = GROUP.gPow(GROUP.scalar(new BigInteger(250, random).add(BigInteger.TWO)));
        FixedBase g = GROUP.fixedBase(GROUP.generator());
        FixedBase kb = GROUP.fixedBase(k);
        PublicBatch batch = GROUP.publicBatch();
        List<Element> expectedBatch = new ArrayList<>();
        for (int i = 0; i < ks.size(); i++) {
            Scalar x = GROUP.scalar(ks.get(i));
            Scalar y = GROUP.scalar(ks.get((i * 5 + 1) % ks.size()));
            Element a = GROUP.gPow(GROUP.scalar(ks.get((i * 3 + 2) % ks.size()).add(BigInteger.ONE)));
            // the second base is sometimes a itself or its inverse, so that the sum meets P + P and P − P
            Element b = switch (i % 4) {
                case 0 -> a;
                case 1 -> a.inverse();
                default -> GROUP.gPow(GROUP.scalar(new BigInteger(256, random).mod(Q)));
            };
            ECPoint expected = bcPoint(a).multiply(x.value()).add(bcPoint(b).multiply(y.value()));
            assertThat(GROUP.publicMultiExp(a, x, b, y).encode()).isEqualTo(bc(expected));
            assertThat(GROUP.publicMultiExp(g, x, kb, y).encode())
                    .isEqualTo(bc(BC.getG().multiply(x.value()).add(bcPoint(k).multiply(y.value()))));
            batch.add(i % 2 == 0 ? g : kb, x, b, y);
            batch.add(g, y, b, x); // b recurs, as α does across a range proof's terms
            expectedBatch.add((i % 2 == 0 ? g : kb).pow(x).multiply(b.pow(y)));
            expectedBatch.add(g.pow(y).multiply(b.pow(x)));
        }
        // the variable base's own negation: g^x · g^(−x) = identity
        Scalar x = GROUP.scalar(ks.get(20));
        batch.add(g, x, GROUP.generator(), x.negate());
        expectedBatch.add(GROUP.identity());
        batch.add(g, x, GROUP.identity(), x);
        expectedBatch.add(GROUP.gPow(x));
        assertThat(batch.compute()).isEqualTo(expectedBatch);
    }

    @Test
    void pointAdditionEdgeCases() throws Exception {
        Random random = random();
        Element p = GROUP.gPow(GROUP.scalar(new BigInteger(256, random).mod(Q)));
        Element id = GROUP.identity();
        assertThat(p.multiply(p).encode()).isEqualTo(bc(bcPoint(p).twice()));
        assertThat(p.multiply(p.inverse())).isEqualTo(id);
        assertThat(p.multiply(id)).isEqualTo(p);
        assertThat(id.multiply(p)).isEqualTo(p);
        assertThat(id.multiply(id)).isEqualTo(id);
        assertThat(p.inverse().encode()).isEqualTo(bc(bcPoint(p).negate()));
        assertThat(GROUP.publicProduct(List.of(p, p, p.inverse(), id, p))).isEqualTo(p.multiply(p));
        assertThat(GROUP.publicProduct(List.of())).isEqualTo(id);
        assertThat(GROUP.publicPow(id, GROUP.scalar(5))).isEqualTo(id);
        assertThat(GROUP.publicPow(p, GROUP.scalar(0))).isEqualTo(id);
        assertThat(GROUP.publicPow(p, GROUP.scalar(Q.subtract(BigInteger.ONE)))).isEqualTo(p.inverse());
    }

    @Test
    void decodingAcceptsCurvePointsAndRejectsTheRest() throws Exception {
        Random random = random();
        for (int i = 0; i < 50; i++) {
            ECPoint point = BC.getG().multiply(new BigInteger(256, random).mod(Q.subtract(BigInteger.ONE)).add(BigInteger.ONE)).normalize();
            byte[] enc = point.getEncoded(true);
            Element e = GROUP.decodeElement(enc);
            assertThat(e.encode()).isEqualTo(enc);
            assertThat(e.equals(GROUP.gPow(GROUP.scalar(1)).multiply(e).multiply(GROUP.generator().inverse()))).isTrue();
            // flipping the x-coordinate's last bit leaves the curve about half the time; BC must agree
            byte[] other = enc.clone();
            other[32] ^= 1;
            boolean bcAccepts;
            try {
                bcAccepts = BC.getCurve().decodePoint(other).isValid();
            } catch (IllegalArgumentException ex) {
                bcAccepts = false;
            }
            if (bcAccepts) {
                assertThat(GROUP.decodeElement(other).encode()).isEqualTo(other);
            } else {
                assertThatThrownBy(() -> GROUP.decodeElement(other)).isInstanceOf(InvalidElementException.class);
            }
        }
        byte[] xTooLarge = new byte[33];
        xTooLarge[0] = 2;
        java.util.Arrays.fill(xTooLarge, 1, 33, (byte) 0xFF);
        assertThatThrownBy(() -> GROUP.decodeElement(xTooLarge)).isInstanceOf(InvalidElementException.class);
    }

    @Test
    void pointsOfTheReferenceRecordBehaveAsInBouncyCastle() throws Exception {
        Random random = random();
        org.madang.ballot.record.ElectionRecordReader reader =
                new org.madang.ballot.record.ElectionRecordReader(org.madang.ballot.ReferenceRecords.ellipticCurve());
        List<Element> points = new ArrayList<>();
        for (java.nio.file.Path file : reader.encryptedBallotFiles()) {
            for (org.madang.ballot.record.EncryptedBallot.Contest c : reader.encryptedBallot(GROUP, file).contests()) {
                for (org.madang.ballot.record.EncryptedBallot.Selection sel : c.selections()) {
                    points.add(sel.ciphertext().pad());
                    points.add(sel.ciphertext().data());
                }
            }
            if (points.size() > 60) {
                break;
            }
        }
        assertThat(points).isNotEmpty();
        PublicBatch batch = GROUP.publicBatch();
        List<Element> expected = new ArrayList<>();
        FixedBase g = GROUP.fixedBase(GROUP.generator());
        for (int i = 0; i < points.size(); i++) {
            Element p = points.get(i);
            Element q = points.get((i + 1) % points.size());
            ECPoint bp = bcPoint(p);
            assertThat(p.multiply(p).encode()).isEqualTo(bc(bp.twice()));
            assertThat(p.multiply(p.inverse()).isIdentity()).isTrue();
            assertThat(p.multiply(q).encode()).isEqualTo(bc(bp.add(bcPoint(q))));
            BigInteger x = new BigInteger(256, random).mod(Q);
            BigInteger y = new BigInteger(256, random).mod(Q);
            assertThat(GROUP.publicPow(p, GROUP.scalar(x)).encode()).isEqualTo(bc(bp.multiply(x)));
            assertThat(GROUP.publicMultiExp(p, GROUP.scalar(x), q, GROUP.scalar(y)).encode())
                    .isEqualTo(bc(bp.multiply(x).add(bcPoint(q).multiply(y))));
            batch.add(g, GROUP.scalar(x), p, GROUP.scalar(y));
            expected.add(GROUP.publicProduct(List.of(GROUP.gPow(GROUP.scalar(x)), p.pow(GROUP.scalar(y)))));
        }
        assertThat(batch.compute()).isEqualTo(expected);
    }
}
