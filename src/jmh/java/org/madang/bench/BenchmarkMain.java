package org.madang.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the exponentiation and ballot benchmarks, then prints the floor of ballot verification:
 * the 88 exponentiations the spec's checks of the benchmark ballot need (verifications 5 and 6),
 * half with a fixed base (g, K) and half with a variable base (α, β), times their measured costs,
 * and how far the measured verification is above it. The exponentiations of the floor are those
 * verification uses: public exponents, fixed-base tables for g and K, variable-time code.
 */
public final class BenchmarkMain {

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .include(ExponentiationBenchmark.class.getSimpleName())
                .include(BallotBenchmark.class.getSimpleName())
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .timeUnit(TimeUnit.MICROSECONDS)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> micros = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String group = r.getParams().getParam("group");
            micros.put(name.substring(name.lastIndexOf('.') + 1) + "/" + group, r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("Floor of verifying one ballot (1 contest, 10 options, limit 1): "
                + BenchElection.EXPONENTIATIONS_PER_BALLOT + " exponentiations (half fixed-base, half variable-base)");
        for (String group : new String[] {"P-256", "Integer4096"}) {
            double fixed = micros.getOrDefault("fixedBase/" + group, Double.NaN);
            double variable = micros.getOrDefault("variableBase/" + group, Double.NaN);
            double verify = micros.getOrDefault("verifyBallot/" + group, Double.NaN);
            double encrypt = micros.getOrDefault("encryptBallot/" + group, Double.NaN);
            double fixedSecret = micros.getOrDefault("fixedBaseSecret/" + group, Double.NaN);
            double variableSecret = micros.getOrDefault("variableBaseSecret/" + group, Double.NaN);
            int half = BenchElection.EXPONENTIATIONS_PER_BALLOT / 2;
            double floor = half * fixed + half * variable;
            System.out.printf("%-12s fixed-base %9.1f us, variable-base %9.1f us; encrypt %10.1f us, verify %10.1f us;"
                            + " floor %10.1f us (all variable-base: %10.1f us); verify / floor = %.2f%n",
                    group, fixed, variable, encrypt, verify, floor, BenchElection.EXPONENTIATIONS_PER_BALLOT * variable, verify / floor);
            System.out.printf("%-12s secret-exponent path (constant time): fixed-base %9.1f us, variable-base %9.1f us%n",
                    group, fixedSecret, variableSecret);
        }
    }
}
