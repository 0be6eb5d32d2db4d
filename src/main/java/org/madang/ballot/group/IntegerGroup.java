package org.madang.ballot.group;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard ElectionGuard integer group: the order-q subgroup of Z_p^* for the 4096-bit p of
 * spec 2.1.0 section 3.1.1. Elements are encoded as 512-byte big-endian integers.
 */
public final class IntegerGroup implements Group {

    /** egk-ec's name for this group in constants.json. */
    public static final String NAME = "Integer4096 (low memory use)";

    private static final int ENCODED_BYTES = 512;
    /** Window of the fixed-base tables: 32 windows of 8 bits cover a 256-bit exponent. */
    private static final int WINDOW_BITS = 8;

    private static final IntegerGroup INSTANCE = new IntegerGroup();

    private final BigInteger p = StandardIntegerParameters.P;
    private final BigInteger q = StandardIntegerParameters.Q;
    private final int pBits = p.bitLength();
    /** Barrett's μ = ⌊2^(2k) / p⌋ for k = bits of p. */
    private final BigInteger barrettMu = BigInteger.ONE.shiftLeft(2 * pBits).divide(p);
    private final Residue generator = new Residue(StandardIntegerParameters.G);
    private final Residue identity = new Residue(BigInteger.ONE);
    private final ElectionConstants constants;
    private volatile WindowedBase generatorBase;

    private IntegerGroup() {
        Map<String, BigInteger> params = new LinkedHashMap<>();
        params.put("largePrime", p);
        params.put("smallPrime", q);
        params.put("cofactor", StandardIntegerParameters.R);
        params.put("generator", StandardIntegerParameters.G);
        constants = new ElectionConstants(NAME, GroupKind.IntegerGroup, "v2.0.0", params);
    }

    public static IntegerGroup instance() {
        return INSTANCE;
    }

    @Override
    public GroupKind kind() {
        return GroupKind.IntegerGroup;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BigInteger order() {
        return q;
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
            throw new InvalidElementException("an element of the 4096-bit group must be " + ENCODED_BYTES
                    + " bytes, found " + encoded.length);
        }
        BigInteger x = new BigInteger(1, encoded);
        if (x.signum() == 0 || x.compareTo(p) >= 0) {
            throw new InvalidElementException("element is not in the range 0 < x < p");
        }
        if (!x.modPow(q, p).equals(BigInteger.ONE)) {
            throw new InvalidElementException("element is not in the order-q subgroup (x^q != 1 mod p)");
        }
        return new Residue(x);
    }

    @Override
    public Scalar hashToScalar(byte[] hash32) {
        return scalar(new BigInteger(1, hash32));
    }

    @Override
    public Element gPow(Scalar exponent) {
        return generatorTable().pow(exponent);
    }

    private WindowedBase generatorTable() {
        WindowedBase table = generatorBase;
        if (table == null) {
            synchronized (this) {
                table = generatorBase;
                if (table == null) {
                    table = new WindowedBase(generator);
                    generatorBase = table;
                }
            }
        }
        return table;
    }

    @Override
    public FixedBase fixedBase(Element base) {
        return base.equals(generator) ? generatorTable() : new WindowedBase(residue(base));
    }

    @Override
    public Element publicPow(Element base, Scalar x) {
        return base.pow(x);
    }

    @Override
    public Element publicPow(FixedBase base, Scalar x) {
        return base.pow(x);
    }

    @Override
    public Element publicMultiExp(Element a, Scalar x, Element b, Scalar y) {
        // BigInteger.modPow uses Montgomery multiplication (an intrinsic on x86), which beats a
        // hand-written interleaved ladder over BigInteger multiply-and-reduce.
        BigInteger ax = residue(a).value.modPow(x.value(), p);
        BigInteger by = residue(b).value.modPow(y.value(), p);
        return new Residue(mulMod(ax, by));
    }

    @Override
    public Element publicMultiExp(FixedBase a, Scalar x, FixedBase b, Scalar y) {
        if (a instanceof WindowedBase wa && b instanceof WindowedBase wb) {
            return new Residue(wa.accumulate(x, wb.accumulate(y, BigInteger.ONE)));
        }
        return a.pow(x).multiply(b.pow(y));
    }

    /**
     * a·b mod p by Barrett reduction (HAC 14.42): two multiplications instead of BigInteger's
     * long division, about 2.5 times faster for 4096-bit operands. Requires 0 ≤ a, b &lt; p.
     */
    BigInteger mulMod(BigInteger a, BigInteger b) {
        BigInteger x = a.multiply(b);
        BigInteger estimate = x.shiftRight(pBits - 1).multiply(barrettMu).shiftRight(pBits + 1);
        BigInteger r = x.subtract(estimate.multiply(p));
        while (r.compareTo(p) >= 0) { // at most twice
            r = r.subtract(p);
        }
        return r;
    }

    private Residue residue(Element e) {
        if (e instanceof Residue r && r.group() == this) {
            return r;
        }
        throw new IllegalArgumentException("element of another group");
    }

    /** Fixed-base table: entry [i][j] = base^(j · 2^(8i)), so x^e is 32 table multiplications. */
    private final class WindowedBase implements FixedBase {
        private final Residue base;
        private final BigInteger[][] table;

        WindowedBase(Residue base) {
            this.base = base;
            int windows = (q.bitLength() + WINDOW_BITS - 1) / WINDOW_BITS;
            int size = 1 << WINDOW_BITS;
            table = new BigInteger[windows][size];
            BigInteger windowBase = base.value;
            for (int i = 0; i < windows; i++) {
                table[i][0] = BigInteger.ONE;
                for (int j = 1; j < size; j++) {
                    table[i][j] = mulMod(table[i][j - 1], windowBase);
                }
                windowBase = mulMod(table[i][size - 1], windowBase);
            }
        }

        @Override
        public Element base() {
            return base;
        }

        @Override
        public Element pow(Scalar exponent) {
            return new Residue(accumulate(exponent, BigInteger.ONE));
        }

        BigInteger accumulate(Scalar exponent, BigInteger start) {
            BigInteger e = exponent.value();
            BigInteger acc = start;
            int mask = (1 << WINDOW_BITS) - 1;
            for (int i = 0; i < table.length; i++) {
                int digit = windowDigit(e, i * WINDOW_BITS) & mask;
                if (digit != 0) {
                    acc = acc.equals(BigInteger.ONE) ? table[i][digit] : mulMod(acc, table[i][digit]);
                }
            }
            return acc;
        }

        private int windowDigit(BigInteger e, int shift) {
            int d = 0;
            for (int b = WINDOW_BITS - 1; b >= 0; b--) {
                d = (d << 1) | (e.testBit(shift + b) ? 1 : 0);
            }
            return d;
        }
    }

    private final class Residue implements Element {
        private final BigInteger value;

        Residue(BigInteger value) {
            this.value = value;
        }

        @Override
        public Group group() {
            return IntegerGroup.this;
        }

        @Override
        public Element multiply(Element other) {
            return new Residue(mulMod(value, residue(other).value));
        }

        @Override
        public Element inverse() {
            return new Residue(value.modInverse(p));
        }

        @Override
        public Element pow(Scalar exponent) {
            return new Residue(value.modPow(exponent.value(), p));
        }

        @Override
        public boolean isIdentity() {
            return value.equals(BigInteger.ONE);
        }

        @Override
        public byte[] encode() {
            return Bytes.fixedLength(value, ENCODED_BYTES);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Residue r && r.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            byte[] e = encode();
            return "Residue(" + java.util.Base64.getEncoder().encodeToString(Arrays.copyOfRange(e, 0, 12)) + "...)";
        }
    }
}
