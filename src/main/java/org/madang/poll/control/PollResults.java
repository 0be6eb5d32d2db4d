package org.madang.poll.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.madang.poll.entity.Poll;
import org.madang.poll.entity.PollResponse;

/** Aggregate results of a poll (never individual answers), options always in the poll's own order. */
public final class PollResults {

    private PollResults() {
    }

    /** One column of the results: an option, or a point of a rating scale. */
    public record Count(String key, String ko, String en, int count) {
    }

    public record RoundView(int number, List<Integer> votes, int exhausted, Integer eliminated, Integer winner, boolean tieBroken) {
    }

    /** A breakdown: categories × columns, null where suppressed; the last entry of each row is the row total. */
    public record Breakdown(String dimension, List<String> categories, List<String> columns, List<List<Integer>> cells,
                            List<Integer> rowTotals, List<Integer> columnTotals, Integer total, int k) {
    }

    public record Results(String kind, int respondents, List<Count> counts, Double mean, List<RoundView> rounds,
                          String tieBreakRule, List<Breakdown> breakdowns) {
    }

    public static Results of(Poll poll, List<PollResponse> responses) {
        List<Polls.Option> options = Polls.options(poll);
        List<String> columns = columns(poll, options);
        int[] counts = new int[columns.size()];
        long sum = 0;
        List<int[]> ballots = new ArrayList<>();
        for (PollResponse r : responses) {
            int[] answer = Polls.parse(r.answer());
            switch (poll.kind()) {
                case SINGLE, MULTIPLE -> { for (int a : answer) counts[a]++; }
                case RATING -> { counts[answer[0] - poll.minChoices()]++; sum += answer[0]; }
                case RANKED -> { counts[answer[0]]++; ballots.add(answer); }
            }
        }
        List<Count> countList = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (poll.kind() == Poll.Kind.RATING) {
                int value = poll.minChoices() + c;
                String ko = value == poll.minChoices() ? value + " (" + options.get(0).ko() + ")"
                        : value == poll.maxChoices() ? value + " (" + options.get(1).ko() + ")" : Integer.toString(value);
                String en = value == poll.minChoices() ? value + " (" + options.get(0).en() + ")"
                        : value == poll.maxChoices() ? value + " (" + options.get(1).en() + ")" : Integer.toString(value);
                countList.add(new Count(Integer.toString(value), ko, en, counts[c]));
            } else {
                countList.add(new Count(Integer.toString(c), options.get(c).ko(), options.get(c).en(), counts[c]));
            }
        }
        Double mean = poll.kind() == Poll.Kind.RATING && !responses.isEmpty() ? (double) sum / responses.size() : null;
        List<RoundView> rounds = poll.kind() != Poll.Kind.RANKED ? List.of()
                : InstantRunoff.count(options.size(), ballots).stream().map(r -> new RoundView(r.number(),
                        java.util.Arrays.stream(r.votes()).boxed().toList(), r.exhausted(), r.eliminated(), r.winner(), r.tieBroken())).toList();
        List<Breakdown> breakdowns = List.of(
                breakdown(poll, "district", responses, PollResponse::district, columns),
                breakdown(poll, "ageBand", responses, PollResponse::ageBand, columns),
                breakdown(poll, "gender", responses, PollResponse::gender, columns));
        return new Results(poll.kind().name(), responses.size(), countList, mean, rounds,
                poll.kind() == Poll.Kind.RANKED ? InstantRunoff.TIE_BREAK_RULE : null, breakdowns);
    }

    /** The answer columns of a breakdown: options (first preference when ranked), scale points, or respondents. */
    static List<String> columns(Poll poll, List<Polls.Option> options) {
        List<String> columns = new ArrayList<>();
        if (poll.kind() == Poll.Kind.RATING) {
            for (int v = poll.minChoices(); v <= poll.maxChoices(); v++) columns.add(Integer.toString(v));
        } else {
            for (int c = 0; c < options.size(); c++) columns.add(Integer.toString(c));
        }
        return columns;
    }

    /**
     * Respondents who shared the attribute, by category and answer (multiple choice: by category only, since one
     * respondent can fill several option columns and cells would no longer add up to the totals).
     */
    static Breakdown breakdown(Poll poll, String dimension, List<PollResponse> responses, Function<PollResponse, String> attribute,
                               List<String> answerColumns) {
        boolean oneColumn = poll.kind() == Poll.Kind.MULTIPLE;
        List<String> columns = oneColumn ? List.of("respondents") : answerColumns;
        TreeSet<String> categories = new TreeSet<>();
        for (PollResponse r : responses) if (attribute.apply(r) != null) categories.add(attribute.apply(r));
        List<String> categoryList = List.copyOf(categories);
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int i = 0; i < categoryList.size(); i++) rowOf.put(categoryList.get(i), i);
        int[][] table = new int[categoryList.size()][columns.size()];
        for (PollResponse r : responses) {
            String category = attribute.apply(r);
            if (category == null) continue;
            int[] answer = Polls.parse(r.answer());
            int column = oneColumn ? 0 : poll.kind() == Poll.Kind.RATING ? answer[0] - poll.minChoices() : answer[0];
            table[rowOf.get(category)][column]++;
        }
        if (categoryList.isEmpty()) {
            return new Breakdown(dimension, List.of(), columns, List.of(), List.of(), List.of(), null, poll.kThreshold());
        }
        var suppressed = SuppressedTable.of(table, poll.kThreshold());
        List<List<Integer>> cells = new ArrayList<>();
        List<Integer> rowTotals = new ArrayList<>();
        List<Integer> columnTotals = new ArrayList<>();
        for (int i = 0; i < categoryList.size(); i++) {
            List<Integer> row = new ArrayList<>();
            for (int j = 0; j < columns.size(); j++) row.add(suppressed.published(i, j));
            cells.add(row);
            rowTotals.add(suppressed.published(i, columns.size()));
        }
        for (int j = 0; j < columns.size(); j++) columnTotals.add(suppressed.published(categoryList.size(), j));
        // Which categories exist is itself shown only when the table shows anything at all.
        if (suppressed.everythingHidden()) {
            return new Breakdown(dimension, List.of(), columns, List.of(), List.of(), List.of(), null, poll.kThreshold());
        }
        return new Breakdown(dimension, categoryList, columns, cells, rowTotals, columnTotals,
                suppressed.published(categoryList.size(), columns.size()), poll.kThreshold());
    }
}
