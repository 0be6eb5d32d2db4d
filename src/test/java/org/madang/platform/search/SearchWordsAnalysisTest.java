package org.madang.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.madang.testing.SearchWords;

/**
 * The search tests' unique words must be found where they were written: a word's terms on its own (the query) must all
 * be among the terms of a sentence that uses it before a particle, as the tests' comments do.
 */
class SearchWordsAnalysisTest {

    private static final int DRAWS = 2_000;

    @Test
    void uniqueWordsAreCutAloneAsInASentence() {
        int unfound = unfound(() -> SearchWords.unique("교육정책"));
        // the tail the tests used before (hex with its digits turned into 가): printed for comparison, not asserted
        int unfoundBefore = unfound(() -> "교육정책" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "가"));
        System.out.printf("search words not found in their sentence: %d of %d (Hangul tail before: %d of %d)%n",
                unfound, DRAWS, unfoundBefore, DRAWS);
        assertThat(unfound).isZero();
    }

    private static int unfound(Supplier<String> words) {
        int unfound = 0;
        for (int i = 0; i < DRAWS; i++) {
            String word = words.get();
            String sentence = "학교 " + word + "에 대한 의견입니다.";
            boolean korean = Analysis.terms(Analysis.KOREAN, sentence).containsAll(Analysis.terms(Analysis.KOREAN, word));
            boolean english = Analysis.terms(Analysis.ENGLISH, sentence).containsAll(Analysis.terms(Analysis.ENGLISH, word));
            if (!korean && !english) unfound++;
        }
        return unfound;
    }
}
