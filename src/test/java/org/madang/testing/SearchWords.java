package org.madang.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Words that search finds only where a test wrote them. */
public final class SearchWords {

    private SearchWords() {
    }

    /**
     * The Korean stem followed by 8 random Latin letters: the analyser cuts such a word the same way on its own (the
     * query) and before a particle (the text). A random tail of Hangul syllables was cut differently in about 6% of
     * draws (a flaky test), and hex letters alone give too few distinct words.
     */
    public static String unique(String koreanStem) {
        StringBuilder word = new StringBuilder(koreanStem);
        for (int i = 0; i < 8; i++) word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        return word.toString();
    }
}
