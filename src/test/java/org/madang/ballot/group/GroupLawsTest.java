package org.madang.ballot.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Group laws and encodings for both groups; randomised with a printed, replayable seed. */
class GroupLawsTest {

    private static final long SEED = Long.getLong("madang.seed", System.nanoTime());

    static Stream<Group> groups() {
        return Stream.of(P256Group.instance(), IntegerGroup.instance());
    }

    private static Scalar random(Group group, Random rnd) {
        return group.scalar(new BigInteger(300, rnd));
    }

    @ParameterizedTest
    @MethodSource("groups")
    void exponentLawsHold(Group group) throws Exception {
        System.out.println("GroupLawsTest seed " + SEED + " (replay with -Dmadang.seed=" + SEED + ")");
        Random rnd = new Random(SEED);
        Scalar a = random(group, rnd);
        Scalar b = random(group, rnd);
        Element ga = group.gPow(a);
        Element gb = group.gPow(b);
        assertThat(ga.multiply(gb)).isEqualTo(group.gPow(a.add(b)));
        assertThat(ga.pow(b)).isEqualTo(group.gPow(a.multiply(b)));
        assertThat(ga.multiply(ga.inverse())).isEqualTo(group.identity());
        assertThat(ga.divide(gb)).isEqualTo(group.gPow(a.subtract(b)));
        assertThat(group.generator().pow(a)).isEqualTo(ga);
        assertThat(group.gPow(group.scalar(0))).isEqualTo(group.identity());
        assertThat(group.gPow(group.scalar(group.order()))).isEqualTo(group.identity());
        FixedBase kTable = group.fixedBase(gb);
        assertThat(kTable.pow(a)).isEqualTo(gb.pow(a));
        assertThat(group.publicMultiExp(ga, b, gb, a)).isEqualTo(ga.pow(b).multiply(gb.pow(a)));
        // an empty tally's pad is the identity, and decryption multiplies it in
        assertThat(group.publicMultiExp(group.identity(), a, gb, b)).isEqualTo(gb.pow(b));
        assertThat(group.publicMultiExp(ga, b, group.identity(), a)).isEqualTo(ga.pow(b));
        assertThat(group.publicMultiExp(group.fixedBase(group.generator()), a, kTable, b)).isEqualTo(ga.multiply(gb.pow(b)));
        assertThat(group.decodeElement(ga.encode())).isEqualTo(ga);
        assertThat(ga.encode()).hasSize(group.elementBytes());
        assertThat(group.decodeScalar(a.encode())).isEqualTo(a);
        assertThat(group.decodeElement(group.identity().encode()).isIdentity()).isTrue();
    }

    @Test
    void p256IdentityIsEncodedAsAllFf() {
        byte[] encoded = P256Group.instance().identity().encode();
        assertThat(encoded).hasSize(33);
        for (byte b : encoded) {
            assertThat(b).isEqualTo((byte) 0xFF);
        }
    }

    @Test
    void p256RejectsPointsOffTheCurve() {
        byte[] g = P256Group.instance().generator().encode();
        byte[] bad = g.clone();
        bad[32] ^= 1; // almost every x has no point, or another point; find one that fails
        boolean rejected = false;
        for (int i = 0; i < 20 && !rejected; i++) {
            bad[32] = (byte) i;
            try {
                P256Group.instance().decodeElement(bad);
            } catch (InvalidElementException e) {
                rejected = true;
            }
        }
        assertThat(rejected).isTrue();
        assertThatThrownBy(() -> P256Group.instance().decodeElement(Arrays.copyOf(g, 32)))
                .isInstanceOf(InvalidElementException.class);
        byte[] uncompressedPrefix = g.clone();
        uncompressedPrefix[0] = 4;
        assertThatThrownBy(() -> P256Group.instance().decodeElement(uncompressedPrefix))
                .isInstanceOf(InvalidElementException.class);
    }

    @Test
    void integerGroupRejectsNonResiduesAndOutOfRange() {
        IntegerGroup group = IntegerGroup.instance();
        BigInteger p = StandardIntegerParameters.P;
        // p − 1 has order 2, so it is not in the order-q subgroup
        assertThatThrownBy(() -> group.decodeElement(Bytes.fixedLength(p.subtract(BigInteger.ONE), 512)))
                .hasMessageContaining("subgroup");
        assertThatThrownBy(() -> group.decodeElement(Bytes.fixedLength(p, 512))).hasMessageContaining("range");
        assertThatThrownBy(() -> group.decodeElement(new byte[512])).hasMessageContaining("range");
        assertThatThrownBy(() -> group.decodeElement(new byte[511])).isInstanceOf(InvalidElementException.class);
    }

    @Test
    void scalarsMustBeBelowTheOrder() {
        for (Group group : groups().toList()) {
            assertThatThrownBy(() -> group.decodeScalar(Bytes.fixedLength(group.order(), 32)))
                    .isInstanceOf(InvalidElementException.class);
            assertThatThrownBy(() -> group.decodeScalar(new byte[31])).isInstanceOf(InvalidElementException.class);
        }
    }

    @Test
    void constantsSelectTheStandardGroupsOnly() throws Exception {
        assertThat(Groups.fromConstants(P256Group.instance().constants())).isSameAs(P256Group.instance());
        assertThat(Groups.fromConstants(IntegerGroup.instance().constants())).isSameAs(IntegerGroup.instance());
        var params = new java.util.LinkedHashMap<>(IntegerGroup.instance().constants().parameters());
        params.put("generator", BigInteger.valueOf(4));
        ElectionConstants weak = new ElectionConstants("x", GroupKind.IntegerGroup, "v2.1.0", params);
        assertThatThrownBy(() -> Groups.fromConstants(weak)).hasMessageContaining("generator");
    }

    @Test
    void expandMessageMatchesRfc9380TestVector() {
        // RFC 9380 appendix K.1, expand_message_xmd(SHA-256), msg "", len_in_bytes 0x20
        byte[] dst = "QUUX-V01-CS02-with-expander-SHA256-128".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = P256Group.expandMessageXmd(new byte[0], dst, 32);
        assertThat(java.util.HexFormat.of().formatHex(out))
                .isEqualTo("68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235");
    }
}
