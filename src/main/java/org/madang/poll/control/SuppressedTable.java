package org.madang.poll.control;

import java.util.Arrays;

/**
 * A two-way table of counts (categories × answers) published with k-anonymity: row totals, column totals and the
 * grand total are published too, and every cell or total below k is suppressed. Suppression is complementary: more
 * entries are hidden until no hidden entry can be pinned to one value from what is published.
 *
 * <p>The table with its totals is an (r+1)×(c+1) grid whose every line balances (a row's cells sum to its total, and
 * so on). Published entries fix their values; a hidden entry is free exactly when some alternating cycle of hidden
 * entries through it can move by one (+1, −1, +1 …) without making any count negative: any other table agreeing
 * with the published entries differs from the real one by a sum of such cycles. {@link #freeMove} finds one; the
 * suppression adds the smallest published entry of a line until every hidden entry has one, and hides the whole
 * table if it cannot.
 */
public final class SuppressedTable {

    private static final int SEARCH_BUDGET = 200_000;

    private final int rows;
    private final int columns;
    /** (rows+1)×(columns+1): cells, each row's total in the last column, each column's total in the last row. */
    private final int[][] grid;
    private final boolean[][] hidden;

    private SuppressedTable(int[][] grid, boolean[][] hidden) {
        this.rows = grid.length - 1;
        this.columns = grid[0].length - 1;
        this.grid = grid;
        this.hidden = hidden;
    }

    /** Suppresses the counts (categories × answers) for threshold k. */
    public static SuppressedTable of(int[][] counts, int k) {
        if (counts.length == 0) throw new IllegalArgumentException("A table needs at least one row");
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
        boolean[][] hidden = new boolean[r + 1][c + 1];
        for (int i = 0; i <= r; i++) for (int j = 0; j <= c; j++) hidden[i][j] = grid[i][j] < k;
        var table = new SuppressedTable(grid, hidden);
        if (grid[r][c] < k) table.hideAll();
        else table.complete();
        return table;
    }

    private void complete() {
        for (int guard = 0; guard < (rows + 1) * (columns + 1) + 1; guard++) {
            int[] pinned = firstPinned();
            if (pinned == null) return;
            if (!hideSmallestBeside(pinned[0], pinned[1])) break;
        }
        if (firstPinned() != null) hideAll();
    }

    /** Hides the smallest published entry sharing a line with the pinned one (its row first, then its column). */
    private boolean hideSmallestBeside(int i, int j) {
        int[] best = null;
        for (int jj = 0; jj <= columns; jj++) best = smaller(best, i, jj);
        if (best == null) for (int ii = 0; ii <= rows; ii++) best = smaller(best, ii, j);
        if (best == null) return false;
        hidden[best[0]][best[1]] = true;
        return true;
    }

    /** Among published entries, totals are chosen only when no cell is left: hiding cells keeps more in view. */
    private int[] smaller(int[] best, int i, int j) {
        if (hidden[i][j]) return best;
        if (best == null) return new int[]{i, j};
        boolean total = i == rows || j == columns, bestTotal = best[0] == rows || best[1] == columns;
        if (total != bestTotal) return total ? best : new int[]{i, j};
        return grid[i][j] < grid[best[0]][best[1]] ? new int[]{i, j} : best;
    }

    private void hideAll() {
        for (boolean[] row : hidden) Arrays.fill(row, true);
    }

    private int[] firstPinned() {
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= columns; j++) {
                if (hidden[i][j] && !everythingHidden() && freeMove(i, j) == null) return new int[]{i, j};
            }
        }
        return null;
    }

    public boolean everythingHidden() {
        for (boolean[] row : hidden) for (boolean h : row) if (!h) return false;
        return true;
    }

    /**
     * Another table that agrees with every published entry and differs at the hidden entry (i, j) (the last row and
     * column hold the totals), or null when there is none. With everything hidden nothing constrains it.
     */
    public int[][] freeMove(int i, int j) {
        if (!hidden[i][j]) return null;
        for (int sign : new int[]{1, -1}) {
            int[][] moves = new int[rows + 1][columns + 1];
            boolean[] usedRows = new boolean[rows + 1], usedColumns = new boolean[columns + 1];
            moves[i][j] = sign;
            usedRows[i] = true;
            usedColumns[j] = true;
            int[] budget = {SEARCH_BUDGET};
            if (canMove(i, j, sign) && alongColumn(i, i, j, -sign, moves, usedRows, usedColumns, budget)) {
                int[][] other = new int[rows + 1][];
                for (int a = 0; a <= rows; a++) {
                    other[a] = grid[a].clone();
                    for (int b = 0; b <= columns; b++) other[a][b] += moves[a][b] * orientation(a, b);
                }
                return other;
            }
        }
        return null;
    }

    /** Totals of cells enter their line's balance with the opposite sign of cells (the grand total twice, so +). */
    private int orientation(int i, int j) {
        return (i == rows) != (j == columns) ? -1 : 1;
    }

    private boolean canMove(int i, int j, int sign) {
        return sign * orientation(i, j) > 0 || grid[i][j] >= 1;
    }

    /** From column j, step to a hidden entry in another row, moving it by sign; then continue along that row. */
    private boolean alongColumn(int startRow, int fromRow, int j, int sign, int[][] moves, boolean[] usedRows,
                                boolean[] usedColumns, int[] budget) {
        for (int i = 0; i <= rows; i++) {
            if (i == fromRow || !hidden[i][j] || --budget[0] < 0 || !canMove(i, j, sign)) continue;
            if (i == startRow) { // back in the start row: its two moves balance, the cycle is closed
                moves[i][j] += sign;
                return true;
            }
            if (usedRows[i]) continue;
            moves[i][j] += sign;
            usedRows[i] = true;
            if (alongRow(startRow, i, j, -sign, moves, usedRows, usedColumns, budget)) return true;
            usedRows[i] = false;
            moves[i][j] -= sign;
        }
        return false;
    }

    /** From row i (entered at column fromColumn), step to a hidden entry in an unused column, moving it by sign. */
    private boolean alongRow(int startRow, int i, int fromColumn, int sign, int[][] moves, boolean[] usedRows,
                             boolean[] usedColumns, int[] budget) {
        for (int j = 0; j <= columns; j++) {
            if (j == fromColumn || !hidden[i][j] || usedColumns[j] || --budget[0] < 0 || !canMove(i, j, sign)) continue;
            moves[i][j] += sign;
            usedColumns[j] = true;
            if (alongColumn(startRow, i, j, -sign, moves, usedRows, usedColumns, budget)) return true;
            usedColumns[j] = false;
            moves[i][j] -= sign;
        }
        return false;
    }

    public int rows() { return rows; }
    public int columns() { return columns; }

    /** The published value of a cell, row total (j == columns), column total (i == rows) or grand total; null when hidden. */
    public Integer published(int i, int j) {
        return hidden[i][j] ? null : grid[i][j];
    }
}
