package org.madang.platform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The two ways text is cut into terms. Korean: Nori, which splits words into morphemes and drops particles and
 * endings, so "교육부의" and "교육정책" both hold the term "교육"; Latin words come out lower-cased but not stemmed.
 * English: the standard tokenizer with English stop words and Porter stemming, so "policies" meets "policy". Each
 * text is indexed both ways, in fields of its own ({@code title}, {@code body} and {@code title_en}, {@code body_en}).
 */
final class Analysis {

    static final String TITLE = "title";
    static final String BODY = "body";
    static final String TITLE_EN = "title_en";
    static final String BODY_EN = "body_en";

    /** Nori's defaults: compounds split into their parts, particles and endings dropped, Hanja read as Hangul. */
    static final Analyzer KOREAN = new KoreanAnalyzer();
    static final Analyzer ENGLISH = new EnglishAnalyzer();
    static final Analyzer PER_FIELD = new PerFieldAnalyzerWrapper(KOREAN, Map.of(TITLE_EN, ENGLISH, BODY_EN, ENGLISH));

    private Analysis() {
    }

    interface TokenSink {
        void accept(String term, int start, int end);
    }

    static void tokens(Analyzer analyzer, String text, TokenSink sink) {
        try (var stream = analyzer.tokenStream("", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                sink.accept(term.toString(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the text is in memory
        }
    }

    static Set<String> terms(Analyzer analyzer, String text) {
        var terms = new LinkedHashSet<String>();
        tokens(analyzer, text, (term, start, end) -> terms.add(term));
        return terms;
    }
}
