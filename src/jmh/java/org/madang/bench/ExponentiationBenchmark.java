package org.madang.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.madang.ballot.crypto.NonceSequence;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.FixedBase;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.IntegerGroup;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.group.Scalar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Fixed-base (g^x with g's tables) and variable-base (a^x) exponentiation per group, each on the
 * path verification uses (public exponents: variable time) and on the path secrets use
 * (constant time for P-256, Bouncy Castle).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExponentiationBenchmark {

    @Param({"P-256", "Integer4096"})
    public String group;

    private Group g;
    private FixedBase generatorTable;
    private Element base;
    private Scalar[] exponents;
    private int next;

    @Setup
    public void setUp() {
        g = group.equals("P-256") ? P256Group.instance() : IntegerGroup.instance();
        SecureRandom random = new SecureRandom();
        generatorTable = g.fixedBase(g.generator());
        base = g.gPow(NonceSequence.random(g, random));
        exponents = new Scalar[64];
        for (int i = 0; i < exponents.length; i++) {
            exponents[i] = NonceSequence.random(g, random);
        }
    }

    @Benchmark
    public Element fixedBase() {
        return g.publicPow(generatorTable, exponents[next++ & 63]);
    }

    @Benchmark
    public Element variableBase() {
        return g.publicPow(base, exponents[next++ & 63]);
    }

    @Benchmark
    public Element fixedBaseSecret() {
        return g.gPow(exponents[next++ & 63]);
    }

    @Benchmark
    public Element variableBaseSecret() {
        return base.pow(exponents[next++ & 63]);
    }
}
