package org.madang.platform.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A person's search words turned into a Lucene query without any query syntax: quotes, brackets, "*:*", AND/OR
 * are words or nothing, never operators, so no input can fail to parse or match everything. Each word must be found
 * (up to three words; of longer queries three in four), either in Korean form (all its morphemes, in the title or the
 * body) or in English form (its stem).
 *
 * @param query        null when the text holds no searchable word
 * @param koreanTerms  the Nori terms of all words, for highlighting
 * @param englishTerms the English terms of all words, for highlighting
 */
record UserQuery(Query query, Set<String> koreanTerms, Set<String> englishTerms) {

    /** Longer text is cut: nobody searches with a paragraph, and each word costs a clause. */
    static final int MAX_TEXT_CHARS = 200;
    static final int MAX_WORDS = 16;
    private static final float TITLE_BOOST = 2f;

    static UserQuery of(String text) {
        var korean = new LinkedHashSet<String>();
        var english = new LinkedHashSet<String>();
        var wordQueries = new ArrayList<Query>();
        if (text != null) {
            String capped = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
            for (String word : capped.strip().split("[\\s\\p{Z}]+")) {
                if (wordQueries.size() == MAX_WORDS) break;
                var koreanWord = Analysis.terms(Analysis.KOREAN, word);
                var englishWord = Analysis.terms(Analysis.ENGLISH, word);
                // punctuation, particles and English stop words carry no meaning of their own
                if (koreanWord.isEmpty() || englishWord.isEmpty()) continue;
                korean.addAll(koreanWord);
                english.addAll(englishWord);
                wordQueries.add(new BooleanQuery.Builder()
                        .add(allOf(koreanWord, Analysis.TITLE, Analysis.BODY), Occur.SHOULD)
                        .add(allOf(englishWord, Analysis.TITLE_EN, Analysis.BODY_EN), Occur.SHOULD)
                        .build());
            }
        }
        if (wordQueries.isEmpty()) return new UserQuery(null, Set.of(), Set.of());
        var query = new BooleanQuery.Builder();
        wordQueries.forEach(word -> query.add(word, Occur.SHOULD));
        int words = wordQueries.size();
        query.setMinimumNumberShouldMatch(words <= 3 ? words : (int) Math.ceil(words * 0.75));
        return new UserQuery(query.build(), Set.copyOf(korean), Set.copyOf(english));
    }

    /** Every term, each in the title (weighted up) or in the body. */
    private static Query allOf(Set<String> terms, String titleField, String bodyField) {
        var all = new BooleanQuery.Builder();
        for (String term : terms) {
            all.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(titleField, term)), TITLE_BOOST), Occur.SHOULD)
                    .add(new TermQuery(new Term(bodyField, term)), Occur.SHOULD)
                    .build(), Occur.MUST);
        }
        return all.build();
    }
}
