package org.madang.consultation.opinion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who voted how on which statement: agree (+1), disagree (−1) or pass (0), one vote per participant and
 * statement. Sparse: a conversation of 10,000 participants × 1,000 statements holds only the votes cast.
 * Participants and statements keep the order in which they were first seen, so that the same votes added
 * in the same order always give the same matrix.
 */
public final class VoteMatrix {

    public static final byte AGREE = 1, PASS = 0, DISAGREE = -1;

    private final List<String> participants;
    private final List<String> statements;
    /** Per participant, the statement columns voted on (ascending) and the votes. */
    private final int[][] columns;
    private final byte[][] votes;

    private VoteMatrix(List<String> participants, List<String> statements, int[][] columns, byte[][] votes) {
        this.participants = participants;
        this.statements = statements;
        this.columns = columns;
        this.votes = votes;
    }

    public List<String> participants() { return participants; }

    public List<String> statements() { return statements; }

    public int participantCount() { return participants.size(); }

    public int statementCount() { return statements.size(); }

    /** Column indexes the participant voted on, ascending. Do not modify. */
    public int[] columnsOf(int participant) { return columns[participant]; }

    /** Votes of the participant, parallel to {@link #columnsOf}. Do not modify. */
    public byte[] votesOf(int participant) { return votes[participant]; }

    public long voteCount() {
        long n = 0;
        for (int[] c : columns) n += c.length;
        return n;
    }

    /** The vote of a participant on a statement, or null when they did not vote. */
    public Byte vote(String participant, String statement) {
        int p = participants.indexOf(participant), s = statements.indexOf(statement);
        if (p < 0 || s < 0) return null;
        int i = Arrays.binarySearch(columns[p], s);
        return i < 0 ? null : votes[p][i];
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects votes; a later vote of the same participant on the same statement replaces the earlier one. */
    public static final class Builder {
        private final Map<String, Integer> participantIndex = new LinkedHashMap<>();
        private final Map<String, Integer> statementIndex = new LinkedHashMap<>();
        private final List<TreeMap<Integer, Byte>> rows = new ArrayList<>();

        /** Declares a statement without votes (so that it appears in the matrix and its exports). */
        public Builder statement(String statement) {
            statementIndex.computeIfAbsent(statement, s -> statementIndex.size());
            return this;
        }

        public Builder participant(String participant) {
            participantIndex.computeIfAbsent(participant, p -> {
                rows.add(new TreeMap<>());
                return participantIndex.size();
            });
            return this;
        }

        public Builder vote(String participant, String statement, int vote) {
            if (vote < -1 || vote > 1) throw new IllegalArgumentException("a vote is -1, 0 or 1, not " + vote);
            participant(participant);
            statement(statement);
            rows.get(participantIndex.get(participant)).put(statementIndex.get(statement), (byte) vote);
            return this;
        }

        public VoteMatrix build() {
            int n = rows.size();
            int[][] columns = new int[n][];
            byte[][] votes = new byte[n][];
            for (int p = 0; p < n; p++) {
                TreeMap<Integer, Byte> row = rows.get(p);
                columns[p] = new int[row.size()];
                votes[p] = new byte[row.size()];
                int i = 0;
                for (var e : row.entrySet()) {
                    columns[p][i] = e.getKey();
                    votes[p][i++] = e.getValue();
                }
            }
            return new VoteMatrix(List.copyOf(participantIndex.keySet()), List.copyOf(statementIndex.keySet()), columns, votes);
        }
    }
}
