package org.madang.consultation.opinion;

import java.util.HashMap;
import java.util.Map;

/** Agreement of two groupings of the same items, corrected for chance (Hubert and Arabie): 1 is identical, ~0 is chance. */
public final class AdjustedRandIndex {

    private AdjustedRandIndex() {
    }

    /** Over the items both groupings place; the labels' names need not match. */
    public static <K> double of(Map<K, Integer> a, Map<K, Integer> b) {
        Map<Long, Long> pairs = new HashMap<>();
        Map<Integer, Long> rows = new HashMap<>(), cols = new HashMap<>();
        long n = 0;
        for (var e : a.entrySet()) {
            Integer other = b.get(e.getKey());
            if (other == null) continue;
            n++;
            pairs.merge(((long) e.getValue() << 32) | (other & 0xffffffffL), 1L, Long::sum);
            rows.merge(e.getValue(), 1L, Long::sum);
            cols.merge(other, 1L, Long::sum);
        }
        double index = 0, rowSum = 0, colSum = 0;
        for (long c : pairs.values()) index += choose2(c);
        for (long c : rows.values()) rowSum += choose2(c);
        for (long c : cols.values()) colSum += choose2(c);
        double expected = n < 2 ? 0 : rowSum * colSum / choose2(n);
        double max = (rowSum + colSum) / 2;
        if (max == expected) return 1.0; // both groupings put everything in one group (or n < 2): they agree
        return (index - expected) / (max - expected);
    }

    public static <K> long overlap(Map<K, Integer> a, Map<K, Integer> b) {
        return a.keySet().stream().filter(b::containsKey).count();
    }

    private static double choose2(long c) {
        return c * (c - 1) / 2.0;
    }
}
