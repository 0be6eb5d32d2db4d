package org.madang.ballot.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Barrett multiplication mod the 4096-bit p against BigInteger's mod, random and extreme operands. */
class IntegerGroupBarrettTest {

    @Test
    void barrettMultiplicationEqualsMultiplyThenMod() {
        long seed = Long.getLong("madang.seed", System.nanoTime());
        System.out.println("IntegerGroupBarrettTest seed " + seed + " (replay with -Dmadang.seed=" + seed + ")");
        Random random = new Random(seed);
        IntegerGroup group = IntegerGroup.instance();
        BigInteger p = StandardIntegerParameters.P;
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE),
                p.subtract(BigInteger.TWO), p.shiftRight(1), BigInteger.ONE.shiftLeft(4095)));
        for (int i = 0; i < 200; i++) {
            values.add(new BigInteger(4096, random).mod(p));
        }
        for (BigInteger a : values) {
            for (int j = 0; j < 6; j++) {
                BigInteger b = values.get(random.nextInt(values.size()));
                assertThat(group.mulMod(a, b)).isEqualTo(a.multiply(b).mod(p));
            }
        }
    }
}
