package org.madang.consultation.opinion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A conversation in Pol.is's export format: {@code comments.csv} with either {@code votes.csv} (one row per vote,
 * later rows of the same participant and comment replacing earlier ones) or {@code participants-votes.csv} (one row
 * per participant, one column per comment, and the group Pol.is placed them in). Reading checks every row and
 * names the file and line of the first fault; writing produces the same three files.
 */
public record PolisConversation(List<Statement> statements, List<Vote> votes, Map<String, Integer> polisGroups) {

    /** {@code moderated}: 1 accepted, 0 not yet moderated, −1 moderated out (kept out of the opinion map). */
    public record Statement(String id, String author, String text, int moderated, Instant created) {
    }

    public record Vote(String participant, String statement, int vote, Instant time) {
    }

    public static final int MAX_ROWS = 5_000_000;
    public static final int MAX_TEXT = 10_000;

    /** A fault in an uploaded file, with where it is. */
    public static final class FormatException extends RuntimeException {
        public FormatException(String file, long line, String message) {
            super(file + " line " + line + ": " + message);
        }
    }

    public static PolisConversation read(Reader comments, Reader votes, Reader participantsVotes) {
        if (votes == null && participantsVotes == null) {
            throw new FormatException("votes.csv", 0, "votes.csv or participants-votes.csv is required");
        }
        List<Statement> statements = readComments(comments);
        Set<String> known = new TreeSet<>();
        statements.forEach(s -> known.add(s.id()));
        List<Vote> voteList = new ArrayList<>();
        Map<String, Integer> groups = new LinkedHashMap<>();
        if (votes != null) {
            voteList = readVotes(votes, known);
        }
        if (participantsVotes != null) {
            List<Vote> fromMatrix = readParticipantsVotes(participantsVotes, known, groups);
            if (votes == null) voteList = fromMatrix;
        }
        return new PolisConversation(List.copyOf(statements), List.copyOf(voteList), Map.copyOf(groups));
    }

    /** The votes as a matrix, later votes replacing earlier ones; every statement is a column even without votes. */
    public VoteMatrix matrix() {
        VoteMatrix.Builder b = VoteMatrix.builder();
        statements.forEach(s -> b.statement(s.id()));
        List<Vote> ordered = new ArrayList<>(votes);
        ordered.sort(Comparator.comparing(Vote::time, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Vote v : ordered) b.vote(v.participant(), v.statement(), v.vote());
        return b.build();
    }

    public Set<String> moderatedOut() {
        Set<String> out = new TreeSet<>();
        statements.forEach(s -> {
            if (s.moderated() < 0) out.add(s.id());
        });
        return out;
    }

    private static List<Statement> readComments(Reader reader) {
        Csv csv = new Csv(reader, "comments.csv");
        Map<String, Integer> h = csv.header("comment-id", "comment-body");
        List<Statement> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (List<String> row; (row = csv.next()) != null; ) {
            String id = csv.id(row, h.get("comment-id"));
            if (!seen.add(id)) throw csv.fault("comment " + id + " appears twice");
            String text = csv.field(row, h.get("comment-body"));
            if (text.length() > MAX_TEXT) throw csv.fault("comment " + id + " is longer than " + MAX_TEXT + " characters");
            int moderated = h.containsKey("moderated") ? csv.integer(row, h.get("moderated"), -1, 1) : 0;
            String author = h.containsKey("author-id") ? csv.field(row, h.get("author-id")) : "";
            Instant created = h.containsKey("timestamp") ? csv.time(row, h.get("timestamp")) : null;
            out.add(new Statement(id, author, text, moderated, created));
        }
        out.sort(Comparator.comparing(Statement::id, PolisConversation::compareIds));
        return out;
    }

    private static List<Vote> readVotes(Reader reader, Set<String> statements) {
        Csv csv = new Csv(reader, "votes.csv");
        Map<String, Integer> h = csv.header("comment-id", "voter-id", "vote");
        List<Vote> out = new ArrayList<>();
        for (List<String> row; (row = csv.next()) != null; ) {
            String statement = csv.id(row, h.get("comment-id"));
            if (!statements.contains(statement)) throw csv.fault("vote on unknown comment " + statement);
            out.add(new Vote(csv.id(row, h.get("voter-id")), statement, csv.integer(row, h.get("vote"), -1, 1),
                    h.containsKey("timestamp") ? csv.time(row, h.get("timestamp")) : null));
        }
        return out;
    }

    private static List<Vote> readParticipantsVotes(Reader reader, Set<String> statements, Map<String, Integer> groups) {
        Csv csv = new Csv(reader, "participants-votes.csv");
        Map<String, Integer> h = csv.header("participant", "group-id");
        List<String> header = csv.headerRow();
        Map<Integer, String> statementColumns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            if (statements.contains(header.get(c))) statementColumns.put(c, header.get(c));
        }
        List<Vote> out = new ArrayList<>();
        for (List<String> row; (row = csv.next()) != null; ) {
            String participant = csv.id(row, h.get("participant"));
            String group = csv.field(row, h.get("group-id"));
            if (!group.isEmpty()) groups.put(participant, csv.integer(row, h.get("group-id"), 0, 1000));
            for (var col : statementColumns.entrySet()) {
                String cell = col.getKey() < row.size() ? row.get(col.getKey()).trim() : "";
                if (cell.isEmpty()) continue;
                out.add(new Vote(participant, col.getValue(), csv.integer(row, col.getKey(), -1, 1), null));
            }
        }
        return out;
    }

    /** Numeric ids in numeric order, others after them in text order. */
    static int compareIds(String a, String b) {
        boolean na = a.chars().allMatch(Character::isDigit), nb = b.chars().allMatch(Character::isDigit);
        if (na && nb) return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        return na ? -1 : nb ? 1 : a.compareTo(b);
    }

    /** comments.csv: with each statement's agree and disagree counts from {@code votes}. */
    public void writeComments(Writer out) throws IOException {
        Map<String, int[]> counts = new HashMap<>();
        VoteMatrix m = matrix();
        for (int p = 0; p < m.participantCount(); p++) {
            int[] c = m.columnsOf(p);
            byte[] v = m.votesOf(p);
            for (int i = 0; i < c.length; i++) {
                int[] k = counts.computeIfAbsent(m.statements().get(c[i]), s -> new int[2]);
                if (v[i] == VoteMatrix.AGREE) k[0]++;
                if (v[i] == VoteMatrix.DISAGREE) k[1]++;
            }
        }
        out.write("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n");
        for (Statement s : statements) {
            int[] k = counts.getOrDefault(s.id(), new int[2]);
            Csv.row(out, millis(s.created()), s.created() == null ? "" : s.created().toString(), s.id(), s.author(),
                    String.valueOf(k[0]), String.valueOf(k[1]), String.valueOf(s.moderated()), s.text());
        }
    }

    /** votes.csv: every vote as given, in time order. */
    public void writeVotes(Writer out) throws IOException {
        out.write("timestamp,datetime,comment-id,voter-id,vote\n");
        List<Vote> ordered = new ArrayList<>(votes);
        ordered.sort(Comparator.comparing(Vote::time, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Vote v : ordered) {
            Csv.row(out, millis(v.time()), v.time() == null ? "" : v.time().toString(), v.statement(), v.participant(),
                    String.valueOf(v.vote()));
        }
    }

    /** participants-votes.csv: one row per participant with {@code groups} (Madang's or Pol.is's) in group-id. */
    public void writeParticipantsVotes(Writer out, Map<String, Integer> groups) throws IOException {
        VoteMatrix m = matrix();
        List<String> header = new ArrayList<>(List.of("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree"));
        statements.forEach(s -> header.add(s.id()));
        Csv.row(out, header.toArray(String[]::new));
        Map<String, Long> authored = new HashMap<>();
        statements.forEach(s -> authored.merge(s.author(), 1L, Long::sum));
        for (int p = 0; p < m.participantCount(); p++) {
            String participant = m.participants().get(p);
            int[] c = m.columnsOf(p);
            byte[] v = m.votesOf(p);
            String[] cells = new String[m.statementCount()];
            java.util.Arrays.fill(cells, "");
            int agree = 0, disagree = 0;
            for (int i = 0; i < c.length; i++) {
                cells[c[i]] = String.valueOf(v[i]);
                if (v[i] == VoteMatrix.AGREE) agree++;
                if (v[i] == VoteMatrix.DISAGREE) disagree++;
            }
            List<String> row = new ArrayList<>(List.of(participant, groups.containsKey(participant) ? String.valueOf(groups.get(participant)) : "",
                    String.valueOf(authored.getOrDefault(participant, 0L)), String.valueOf(c.length), String.valueOf(agree), String.valueOf(disagree)));
            // the matrix declares the statements first, in this order, so its columns are the header's
            row.addAll(List.of(cells));
            Csv.row(out, row.toArray(String[]::new));
        }
    }

    private static String millis(Instant t) {
        return t == null ? "" : String.valueOf(t.toEpochMilli());
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
    private static final class Csv {
        private final BufferedReader in;
        private final String file;
        private long line;
        private long rows;
        private List<String> headerRow;

        Csv(Reader reader, String file) {
            this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            this.file = file;
        }

        Map<String, Integer> header(String... required) {
            headerRow = next();
            if (headerRow == null) throw new FormatException(file, 1, "the file is empty");
            if (!headerRow.isEmpty() && headerRow.get(0).startsWith("\uFEFF")) headerRow.set(0, headerRow.get(0).substring(1));
            Map<String, Integer> h = new HashMap<>();
            for (int i = 0; i < headerRow.size(); i++) h.putIfAbsent(headerRow.get(i).trim(), i);
            for (String r : required) if (!h.containsKey(r)) throw new FormatException(file, 1, "column " + r + " is missing");
            return h;
        }

        List<String> headerRow() { return headerRow; }

        FormatException fault(String message) {
            return new FormatException(file, line, message);
        }

        String field(List<String> row, int column) {
            if (column >= row.size()) throw fault("too few columns");
            return row.get(column);
        }

        String id(List<String> row, int column) {
            String v = field(row, column).trim();
            if (v.isEmpty() || v.length() > 100) throw fault("an id must be 1 to 100 characters");
            return v;
        }

        int integer(List<String> row, int column, int min, int max) {
            String v = field(row, column).trim();
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) throw fault("'" + v + "' is not between " + min + " and " + max);
                return n;
            } catch (NumberFormatException e) {
                throw fault("'" + abbreviate(v) + "' is not a whole number");
            }
        }

        Instant time(List<String> row, int column) {
            String v = field(row, column).trim();
            if (v.isEmpty()) return null;
            try {
                return Instant.ofEpochMilli(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw fault("timestamp '" + abbreviate(v) + "' is not milliseconds since 1970");
            }
        }

        private static String abbreviate(String v) {
            return v.length() > 40 ? v.substring(0, 40) + "…" : v;
        }

        /** The next record, or null at the end; blank lines are skipped. */
        List<String> next() {
            try {
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false, any = false;
                long start = line + 1;
                while (true) {
                    int c = in.read();
                    if (c == -1) {
                        if (quoted) throw new FormatException(file, start, "a quoted field is not closed");
                        if (!any && field.length() == 0 && fields.isEmpty()) return null;
                        fields.add(field.toString());
                        line++;
                        return counted(fields);
                    }
                    any = true;
                    if (quoted) {
                        if (c == '"') {
                            in.mark(1);
                            int d = in.read();
                            if (d == '"') field.append('"');
                            else {
                                quoted = false;
                                if (d != -1) in.reset();
                            }
                        } else {
                            if (c == '\n') line++;
                            field.append((char) c);
                            if (field.length() > MAX_TEXT) throw new FormatException(file, start, "a field is longer than " + MAX_TEXT + " characters");
                        }
                    } else if (c == '"' && field.length() == 0) {
                        quoted = true;
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                        if (fields.size() > 100_000) throw new FormatException(file, start, "too many columns");
                    } else if (c == '\n' || c == '\r') {
                        if (c == '\r') {
                            in.mark(1);
                            if (in.read() != '\n') in.reset();
                        }
                        line++;
                        if (fields.isEmpty() && field.length() == 0) {
                            any = false;
                            start = line + 1;
                            continue;
                        }
                        fields.add(field.toString());
                        return counted(fields);
                    } else {
                        field.append((char) c);
                        if (field.length() > MAX_TEXT) throw new FormatException(file, start, "a field is longer than " + MAX_TEXT + " characters");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private List<String> counted(List<String> fields) {
            if (++rows > MAX_ROWS) throw new FormatException(file, line, "more than " + MAX_ROWS + " rows");
            return fields;
        }

        static void row(Writer out, String... fields) throws IOException {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) out.write(',');
                String f = fields[i] == null ? "" : fields[i];
                if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                    out.write('"');
                    out.write(f.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(f);
                }
            }
            out.write('\n');
        }
    }
}
