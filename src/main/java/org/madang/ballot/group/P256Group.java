package org.madang.ballot.group;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * NIST P-256 as egk-ec uses it: elements are points in compressed SEC1 form (33 bytes), the
 * identity is written as 33 bytes 0xFF, and hashes become scalars through RFC 9380 hash_to_field.
 */
public final class P256Group implements Group {

    public static final String NAME = "P-256";

    /** egk-ec's domain separation tag for hash_to_field (it reuses the RFC 9380 test-suite tag). */
    private static final byte[] HASH_TO_FIELD_DST =
            "QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO_".getBytes(StandardCharsets.US_ASCII);
    /** L = ceil((ceil(log2 p) + k) / 8) with security parameter k = 128: 48 bytes. */
    private static final int HASH_TO_FIELD_LENGTH = 48;
    private static final int ENCODED_BYTES = 33;

    private static final P256Group INSTANCE = new P256Group();

    private final X9ECParameters curveParameters = CustomNamedCurves.getByName("P-256");
    private final ECCurve curve = curveParameters.getCurve();
    private final BigInteger order = curveParameters.getN();
    private final PointElement generator;
    private final PointElement identity;
    private final ComboBase generatorBase;
    private final FixedPointCombMultiplier combMultiplier = new FixedPointCombMultiplier();
    private final ElectionConstants constants;

    private P256Group() {
        generator = new PointElement(curveParameters.getG().normalize());
        identity = new PointElement(curve.getInfinity());
        generatorBase = new ComboBase(generator);
        Map<String, BigInteger> p = new LinkedHashMap<>();
        p.put("a", curve.getA().toBigInteger());
        p.put("b", curve.getB().toBigInteger());
        p.put("primeModulus", curve.getField().getCharacteristic());
        p.put("order", order);
        p.put("g.x", generator.point.getAffineXCoord().toBigInteger());
        p.put("g.y", generator.point.getAffineYCoord().toBigInteger());
        p.put("h", curveParameters.getH());
        constants = new ElectionConstants(NAME, GroupKind.EllipticCurve, "v2.1.0", p);
    }

    public static P256Group instance() {
        return INSTANCE;
    }

    @Override
    public GroupKind kind() {
        return GroupKind.EllipticCurve;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BigInteger order() {
        return order;
    }

    @Override
    public int elementBytes() {
        return ENCODED_BYTES;
    }

    @Override
    public Element generator() {
        return generator;
    }

    @Override
    public Element identity() {
        return identity;
    }

    @Override
    public ElectionConstants constants() {
        return constants;
    }

    @Override
    public Element decodeElement(byte[] encoded) throws InvalidElementException {
        if (encoded.length != ENCODED_BYTES) {
            throw new InvalidElementException("a P-256 element must be " + ENCODED_BYTES + " bytes, found " + encoded.length);
        }
        if (isAllFf(encoded)) {
            return identity;
        }
        if (encoded[0] != 2 && encoded[0] != 3) {
            throw new InvalidElementException("a P-256 element must be a compressed point (02 or 03 prefix)");
        }
        ECPoint point;
        try {
            point = curve.decodePoint(encoded);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidElementException("not a point on P-256: " + e.getMessage());
        }
        if (point.isInfinity() || !point.isValid()) {
            throw new InvalidElementException("not a point on P-256");
        }
        return new PointElement(point.normalize());
    }

    private static boolean isAllFf(byte[] b) {
        for (byte x : b) {
            if (x != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Scalar hashToScalar(byte[] hash32) {
        byte[] uniform = expandMessageXmd(hash32, HASH_TO_FIELD_DST, HASH_TO_FIELD_LENGTH);
        return scalar(new BigInteger(1, uniform));
    }

    /** RFC 9380 section 5.3.1 with SHA-256 (b = 32, s = 64 bytes). */
    static byte[] expandMessageXmd(byte[] msg, byte[] dst, int length) {
        int ell = (length + 31) / 32;
        if (ell > 255 || length > 65535 || dst.length > 255) {
            throw new IllegalArgumentException("expand_message_xmd parameters out of range");
        }
        byte[] dstPrime = Bytes.concat(dst, new byte[] {(byte) dst.length});
        byte[] zPad = new byte[64];
        byte[] lengthBytes = {(byte) (length >>> 8), (byte) length};
        byte[] b0 = sha256(Bytes.concat(zPad, msg, lengthBytes, new byte[] {0}, dstPrime));
        byte[] out = new byte[ell * 32];
        byte[] previous = sha256(Bytes.concat(b0, new byte[] {1}, dstPrime));
        System.arraycopy(previous, 0, out, 0, 32);
        for (int i = 2; i <= ell; i++) {
            byte[] mixed = new byte[32];
            for (int j = 0; j < 32; j++) {
                mixed[j] = (byte) (b0[j] ^ previous[j]);
            }
            previous = sha256(Bytes.concat(mixed, new byte[] {(byte) i}, dstPrime));
            System.arraycopy(previous, 0, out, (i - 1) * 32, 32);
        }
        return Arrays.copyOf(out, length);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }

    @Override
    public Element gPow(Scalar exponent) {
        return generatorBase.pow(exponent);
    }

    @Override
    public FixedBase fixedBase(Element base) {
        return base.equals(generator) ? generatorBase : new ComboBase(point(base));
    }

    @Override
    public Element multiExp(Element a, Scalar x, Element b, Scalar y) {
        // BC's Shamir trick cannot precompute a table for the point at infinity (e.g. the pad of an empty tally)
        if (a.isIdentity()) return b.pow(y);
        if (b.isIdentity()) return a.pow(x);
        return new PointElement(ECAlgorithms.sumOfTwoMultiplies(
                point(a).point, x.value(), point(b).point, y.value()).normalize());
    }

    @Override
    public Element multiExp(FixedBase a, Scalar x, FixedBase b, Scalar y) {
        // Two comb multiplications beat one interleaved pass when both bases have tables.
        ECPoint ax = combMultiplier.multiply(point(a.base()).point, x.value());
        ECPoint by = combMultiplier.multiply(point(b.base()).point, y.value());
        return new PointElement(ax.add(by).normalize());
    }

    private PointElement point(Element e) {
        if (e instanceof PointElement p && p.group() == this) {
            return p;
        }
        throw new IllegalArgumentException("element of another group");
    }

    /** Fixed base using Bouncy Castle's comb method; BC caches the comb table on the point. */
    private final class ComboBase implements FixedBase {
        private final PointElement base;

        ComboBase(PointElement base) {
            this.base = base;
            combMultiplier.multiply(base.point, BigInteger.ONE); // builds the table now, not in a worker
        }

        @Override
        public Element base() {
            return base;
        }

        @Override
        public Element pow(Scalar exponent) {
            if (base.point.isInfinity()) {
                return identity;
            }
            return new PointElement(combMultiplier.multiply(base.point, exponent.value()).normalize());
        }
    }

    private final class PointElement implements Element {
        private final ECPoint point;

        PointElement(ECPoint point) {
            this.point = point;
        }

        @Override
        public Group group() {
            return P256Group.this;
        }

        @Override
        public Element multiply(Element other) {
            return new PointElement(point.add(point(other).point).normalize());
        }

        @Override
        public Element inverse() {
            return new PointElement(point.negate().normalize());
        }

        @Override
        public Element pow(Scalar exponent) {
            return new PointElement(point.multiply(exponent.value()).normalize());
        }

        @Override
        public boolean isIdentity() {
            return point.isInfinity();
        }

        @Override
        public byte[] encode() {
            if (point.isInfinity()) {
                byte[] ff = new byte[ENCODED_BYTES];
                Arrays.fill(ff, (byte) 0xFF);
                return ff;
            }
            return point.getEncoded(true);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PointElement p && p.point.equals(point);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(encode());
        }

        @Override
        public String toString() {
            return java.util.Base64.getEncoder().encodeToString(encode());
        }
    }
}
