package org.madang.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.madang.poll.control.SuppressedTable;

/**
 * k-anonymity of published breakdowns, checked by an attacker who knows every published cell and total: for each
 * hidden entry, (1) bounds propagated through the row and column equations never close to one value, and (2) a
 * second table exists that agrees with everything published and differs there (so it truly cannot be pinned).
 */
class SuppressedTableTest {

    @Test
    void noHiddenEntryCanBeRecomputedFromTheMargins() {
        long seed = System.nanoTime();
        System.out.println("SuppressedTableTest seed " + seed);
        Random random = new Random(seed);
        int tablesWithHiddenAndShown = 0;
        for (int t = 0; t < 400; t++) {
            int rows = 1 + random.nextInt(5), columns = 1 + random.nextInt(5), k = 5 + random.nextInt(6);
            int[][] counts = new int[rows][columns];
            for (int[] row : counts) for (int j = 0; j < columns; j++) row[j] = random.nextInt(random.nextBoolean() ? 8 : 40);
            var table = SuppressedTable.of(counts, k);
            int[][] grid = grid(counts);
            boolean anyHidden = false;
            for (int i = 0; i <= rows; i++) {
                for (int j = 0; j <= columns; j++) {
                    Integer shown = table.published(i, j);
                    String where = "seed " + seed + " table " + t + " entry " + i + "," + j;
                    if (shown != null) {
                        assertThat(shown).as(where).isEqualTo(grid[i][j]).isGreaterThanOrEqualTo(k);
                        continue;
                    }
                    anyHidden = true;
                    if (table.everythingHidden()) continue;
                    assertThat(propagatedRange(table, grid, i, j)).as(where).matches(r -> r[0] < r[1], "a range wider than one value");
                    int[][] other = table.freeMove(i, j);
                    assertThat(other).as(where).isNotNull();
                    assertThat(other[i][j]).as(where).isNotEqualTo(grid[i][j]);
                    assertConsistent(table, other, where);
                }
            }
            if (anyHidden && !table.everythingHidden()) tablesWithHiddenAndShown++;
        }
        assertThat(tablesWithHiddenAndShown).as("seed " + seed).isGreaterThan(50);
    }

    @Test
    void aOneWayTableHidesAtLeastTwoCellsAndNeverOnlyZeros() {
        var table = SuppressedTable.of(new int[][]{{0}, {0}, {30}, {25}}, 10);
        // Two hidden zeros would sum to the published total minus the rest = 0, pinning both: more must go.
        int hidden = 0;
        for (int i = 0; i < 4; i++) if (table.published(i, 0) == null) hidden++;
        assertThat(hidden).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < 4; i++) if (table.published(i, 0) == null) assertThat(table.freeMove(i, 0)).isNotNull();
    }

    @Test
    void aSmallTotalHidesEverything() {
        assertThat(SuppressedTable.of(new int[][]{{2, 3}, {1, 2}}, 10).everythingHidden()).isTrue();
    }

    private static int[][] grid(int[][] counts) {
        int r = counts.length, c = counts[0].length;
        int[][] grid = new int[r + 1][c + 1];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                grid[i][j] = counts[i][j];
                grid[i][c] += counts[i][j];
                grid[r][j] += counts[i][j];
                grid[r][c] += counts[i][j];
            }
        }
        return grid;
    }

    /** The other table keeps every published entry, has no negative count, and every row and column still adds up. */
    private static void assertConsistent(SuppressedTable table, int[][] other, String where) {
        int r = table.rows(), c = table.columns();
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                assertThat(other[i][j]).as(where).isGreaterThanOrEqualTo(0);
                if (table.published(i, j) != null) assertThat(other[i][j]).as(where).isEqualTo(table.published(i, j));
            }
        }
        for (int i = 0; i <= r; i++) {
            int sum = 0;
            for (int j = 0; j < c; j++) sum += other[i][j];
            assertThat(sum).as(where + " row " + i).isEqualTo(other[i][c]);
        }
        for (int j = 0; j <= c; j++) {
            int sum = 0;
            for (int i = 0; i < r; i++) sum += other[i][j];
            assertThat(sum).as(where + " column " + j).isEqualTo(other[r][j]);
        }
    }

    /** Interval propagation over the line equations, starting from [0, ∞) for every hidden entry. */
    private static long[] propagatedRange(SuppressedTable table, int[][] grid, int ti, int tj) {
        int r = table.rows(), c = table.columns();
        long big = 1_000_000;
        long[][] lo = new long[r + 1][c + 1], hi = new long[r + 1][c + 1];
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                Integer shown = table.published(i, j);
                lo[i][j] = shown == null ? 0 : shown;
                hi[i][j] = shown == null ? big : shown;
            }
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            // each line: the cells sum to the line's total (the entry at index r or c)
            for (int line = 0; line < (r + 1) + (c + 1); line++) {
                boolean isRow = line <= r;
                int fixed = isRow ? line : line - r - 1, length = isRow ? c : r;
                long partsLo = 0, partsHi = 0;
                for (int m = 0; m < length; m++) {
                    partsLo += isRow ? lo[fixed][m] : lo[m][fixed];
                    partsHi += isRow ? hi[fixed][m] : hi[m][fixed];
                }
                int ti2 = isRow ? fixed : r, tj2 = isRow ? c : fixed;
                changed |= tighten(lo, hi, ti2, tj2, partsLo, partsHi);
                for (int m = 0; m < length; m++) {
                    int a = isRow ? fixed : m, b = isRow ? m : fixed;
                    long othersLo = partsLo - lo[a][b], othersHi = partsHi - hi[a][b];
                    changed |= tighten(lo, hi, a, b, lo[ti2][tj2] - othersHi, hi[ti2][tj2] - othersLo);
                }
            }
        }
        return new long[]{lo[ti][tj], hi[ti][tj]};
    }

    private static boolean tighten(long[][] lo, long[][] hi, int i, int j, long newLo, long newHi) {
        boolean changed = false;
        if (newLo > lo[i][j]) { lo[i][j] = newLo; changed = true; }
        if (newHi < hi[i][j]) { hi[i][j] = newHi; changed = true; }
        return changed;
    }
}
