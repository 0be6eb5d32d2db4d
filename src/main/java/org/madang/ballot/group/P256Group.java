package org.madang.ballot.group;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.madang.ballot.group.p256.P256Curve;
import org.madang.ballot.group.p256.P256Field;
import org.madang.ballot.group.p256.P256PublicMultiplier;
import org.madang.ballot.group.p256.P256PublicMultiplier.FixedTable;

/**
 * NIST P-256 as egk-ec uses it: elements are points in compressed SEC1 form (33 bytes), the
 * identity is written as 33 bytes 0xFF, and hashes become scalars through RFC 9380 hash_to_field.
 *
 * <p>Two engines: exponentiations that may see a secret ({@link #gPow}, {@link FixedBase#pow},
 * {@link Element#pow}) go through Bouncy Castle's constant-time multipliers; the public-exponent
 * methods of {@link Group} use {@link P256PublicMultiplier} (52-bit limbs, wNAF, batched
 * inversions), which is variable time. Points are held in affine coordinates of the fast field.
 */
public final class P256Group implements Group {

    public static final String NAME = "P-256";

    /** egk-ec's domain separation tag for hash_to_field (it reuses the RFC 9380 test-suite tag). */
    private static final byte[] HASH_TO_FIELD_DST =
            "QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO_".getBytes(StandardCharsets.US_ASCII);
    /** L = ceil((ceil(log2 p) + k) / 8) with security parameter k = 128: 48 bytes. */
    private static final int HASH_TO_FIELD_LENGTH = 48;
    private static final int ENCODED_BYTES = 33;
    private static final int AFFINE = 2 * P256Field.LIMBS;
    private static final int JACOBIAN = 3 * P256Field.LIMBS;

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
        identity = new PointElement(null);
        generator = fromBouncyCastle(curveParameters.getG());
        generatorBase = new ComboBase(generator);
        Map<String, BigInteger> p = new LinkedHashMap<>();
        p.put("a", curve.getA().toBigInteger());
        p.put("b", curve.getB().toBigInteger());
        p.put("primeModulus", curve.getField().getCharacteristic());
        p.put("order", order);
        ECPoint g = curveParameters.getG().normalize();
        p.put("g.x", g.getAffineXCoord().toBigInteger());
        p.put("g.y", g.getAffineYCoord().toBigInteger());
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
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, ENCODED_BYTES));
        long[] affine = P256Curve.decompress(x, encoded[0] & 1);
        if (affine == null) {
            throw new InvalidElementException("not a point on P-256");
        }
        // The curve has cofactor 1: every point on it is in the order-q group.
        return new PointElement(affine, encoded.clone());
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

    // ---- secret-safe exponentiation (Bouncy Castle, constant time)

    @Override
    public Element gPow(Scalar exponent) {
        return generatorBase.pow(exponent);
    }

    @Override
    public FixedBase fixedBase(Element base) {
        return base.equals(generator) ? generatorBase : new ComboBase(point(base));
    }

    // ---- public exponents only (variable time)

    @Override
    public Element publicPow(Element base, Scalar x) {
        PointElement b = point(base);
        if (b.isIdentity()) {
            return identity;
        }
        long[] out = new long[JACOBIAN];
        P256PublicMultiplier.fixedVariable(null, null, P256PublicMultiplier.singleUseTable(b.affine), x.value(), out, 0);
        return normalized(out, 1).get(0);
    }

    @Override
    public Element publicPow(FixedBase base, Scalar x) {
        ComboBase b = combo(base);
        if (b.table == null) {
            return identity;
        }
        long[] out = new long[JACOBIAN];
        P256PublicMultiplier.fixed(b.table, x.value(), out, 0);
        return normalized(out, 1).get(0);
    }

    @Override
    public Element publicMultiExp(Element a, Scalar x, Element b, Scalar y) {
        PointElement pa = point(a);
        PointElement pb = point(b);
        if (pa.isIdentity()) {
            return publicPow(pb, y);
        }
        if (pb.isIdentity()) {
            return publicPow(pa, x);
        }
        long[][][] tables = P256PublicMultiplier.variableTables(new long[][] {pa.affine, pb.affine});
        long[] out = new long[JACOBIAN];
        P256PublicMultiplier.variableVariable(tables[0], x.value(), tables[1], y.value(), out, 0);
        return normalized(out, 1).get(0);
    }

    @Override
    public Element publicMultiExp(FixedBase a, Scalar x, FixedBase b, Scalar y) {
        ComboBase ca = combo(a);
        ComboBase cb = combo(b);
        if (ca.table == null) {
            return publicPow(cb, y);
        }
        if (cb.table == null) {
            return publicPow(ca, x);
        }
        long[] out = new long[JACOBIAN];
        P256PublicMultiplier.fixedFixed(ca.table, x.value(), cb.table, y.value(), out, 0);
        return normalized(out, 1).get(0);
    }

    @Override
    public PublicBatch publicBatch() {
        return new Batch();
    }

    @Override
    public Element publicProduct(List<Element> elements) {
        long[] acc = new long[JACOBIAN];
        P256Curve.setInfinity(acc);
        for (Element e : elements) {
            PointElement p = point(e);
            if (!p.isIdentity()) {
                P256Curve.addAffine(acc, p.affine);
            }
        }
        return normalized(acc, 1).get(0);
    }

    /** Affine elements of {@code count} Jacobian points, with one inversion. */
    private List<Element> normalized(long[] jacobian, int count) {
        long[] affine = new long[count * AFFINE];
        boolean[] infinite = new boolean[count];
        P256Curve.normalizeAll(jacobian, count, affine, infinite);
        List<Element> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(infinite[i] ? identity : new PointElement(Arrays.copyOfRange(affine, i * AFFINE, (i + 1) * AFFINE)));
        }
        return out;
    }

    /** Range-proof commitments: one table per distinct variable base, one inversion for all results. */
    private final class Batch implements PublicBatch {
        private final List<ComboBase> fixed = new ArrayList<>();
        private final List<BigInteger> xs = new ArrayList<>();
        private final List<PointElement> variables = new ArrayList<>();
        private final List<BigInteger> ys = new ArrayList<>();

        @Override
        public int add(FixedBase fixedBase, Scalar x, Element variable, Scalar y) {
            fixed.add(combo(fixedBase));
            xs.add(x.value());
            variables.add(point(variable));
            ys.add(y.value());
            return fixed.size() - 1;
        }

        @Override
        public List<Element> compute() {
            Map<PointElement, Integer> baseIndex = new IdentityHashMap<>();
            List<long[]> bases = new ArrayList<>();
            for (PointElement v : variables) {
                if (!v.isIdentity() && !baseIndex.containsKey(v)) {
                    baseIndex.put(v, bases.size());
                    bases.add(v.affine);
                }
            }
            long[][][] tables = P256PublicMultiplier.variableTables(bases.toArray(new long[0][]));
            int n = fixed.size();
            long[] jacobian = new long[n * JACOBIAN];
            for (int i = 0; i < n; i++) {
                FixedTable f = fixed.get(i).table;
                PointElement v = variables.get(i);
                if (!v.isIdentity()) {
                    int b = baseIndex.get(v);
                    P256PublicMultiplier.fixedVariable(f, xs.get(i), tables[b], ys.get(i), jacobian, i * JACOBIAN);
                } else if (f != null) {
                    P256PublicMultiplier.fixed(f, xs.get(i), jacobian, i * JACOBIAN);
                } else {
                    P256Curve.setInfinity(jacobian, i * JACOBIAN);
                }
            }
            return normalized(jacobian, n);
        }
    }

    // ---- conversions

    private PointElement point(Element e) {
        if (e instanceof PointElement p && p.group() == this) {
            return p;
        }
        throw new IllegalArgumentException("element of another group");
    }

    private ComboBase combo(FixedBase b) {
        if (b instanceof ComboBase c && c.group() == this) {
            return c;
        }
        throw new IllegalArgumentException("fixed base of another group");
    }

    private PointElement fromBouncyCastle(ECPoint p) {
        if (p.isInfinity()) {
            return identity;
        }
        ECPoint n = p.normalize();
        long[] affine = new long[AFFINE];
        P256Field.fromBigInteger(affine, 0, n.getAffineXCoord().toBigInteger());
        P256Field.fromBigInteger(affine, P256Field.LIMBS, n.getAffineYCoord().toBigInteger());
        return new PointElement(affine);
    }

    /** Fixed base: Bouncy Castle's comb (cached on the point) for secrets, our tables for public exponents. */
    private final class ComboBase implements FixedBase {
        private final PointElement base;
        private final ECPoint point;
        /** Null for the identity, which has no table. */
        private final FixedTable table;

        ComboBase(PointElement base) {
            this.base = base;
            this.point = base.bouncyCastle();
            combMultiplier.multiply(point, BigInteger.ONE); // builds the comb now, not in a worker
            this.table = base.isIdentity() ? null : new FixedTable(base.affine);
        }

        P256Group group() {
            return P256Group.this;
        }

        @Override
        public Element base() {
            return base;
        }

        @Override
        public Element pow(Scalar exponent) {
            if (base.isIdentity()) {
                return identity;
            }
            return fromBouncyCastle(combMultiplier.multiply(point, exponent.value()));
        }
    }

    private final class PointElement implements Element {
        /** Affine x and y in Montgomery form ({@link P256Field}); null for the identity. */
        private final long[] affine;
        private volatile byte[] encoded;
        private volatile ECPoint bouncyCastle;

        PointElement(long[] affine) {
            this.affine = affine;
        }

        PointElement(long[] affine, byte[] encoded) {
            this.affine = affine;
            this.encoded = encoded;
        }

        ECPoint bouncyCastle() {
            ECPoint p = bouncyCastle;
            if (p == null) {
                p = affine == null ? curve.getInfinity()
                        : curve.createPoint(P256Field.toBigInteger(affine, 0), P256Field.toBigInteger(affine, P256Field.LIMBS));
                bouncyCastle = p;
            }
            return p;
        }

        @Override
        public Group group() {
            return P256Group.this;
        }

        /** Point addition: not an exponentiation, so no secret exponent is at stake. */
        @Override
        public Element multiply(Element other) {
            PointElement o = point(other);
            if (affine == null) {
                return o;
            }
            if (o.affine == null) {
                return this;
            }
            long[] acc = new long[JACOBIAN];
            P256Curve.fromAffine(acc, affine);
            P256Curve.addAffine(acc, o.affine);
            return normalized(acc, 1).get(0);
        }

        @Override
        public Element inverse() {
            if (affine == null) {
                return this;
            }
            return new PointElement(P256Curve.negate(affine));
        }

        /** Constant time (Bouncy Castle): the exponent may be secret. */
        @Override
        public Element pow(Scalar exponent) {
            return fromBouncyCastle(bouncyCastle().multiply(exponent.value()));
        }

        @Override
        public boolean isIdentity() {
            return affine == null;
        }

        private byte[] encoding() {
            byte[] e = encoded;
            if (e == null) {
                e = new byte[ENCODED_BYTES];
                if (affine == null) {
                    Arrays.fill(e, (byte) 0xFF);
                } else {
                    byte[] y = new byte[32];
                    int yParity = P256Field.toBytes(affine, P256Field.LIMBS, y, 0);
                    P256Field.toBytes(affine, 0, e, 1);
                    e[0] = (byte) (2 + yParity);
                }
                encoded = e;
            }
            return e;
        }

        @Override
        public byte[] encode() {
            return encoding().clone();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof PointElement p) || p.group() != group()) {
                return false;
            }
            if (affine == null || p.affine == null) {
                return affine == p.affine;
            }
            return P256Field.equal(affine, 0, p.affine, 0) && P256Field.equal(affine, P256Field.LIMBS, p.affine, P256Field.LIMBS);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(encoding());
        }

        @Override
        public String toString() {
            return java.util.Base64.getEncoder().encodeToString(encoding());
        }
    }
}
