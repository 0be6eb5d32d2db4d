package org.madang.forum.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import org.madang.forum.entity.Post;
import org.madang.platform.text.Markdown;

/** Renders an author's Markdown once, when written, and fingerprints it for duplicate detection. */
final class PostText {

    private PostText() {
    }

    static Post.Text of(String markdown) {
        String text = markdown.strip();
        return new Post.Text(text, Markdown.toSafeHtml(text), hash(normalised(text)));
    }

    /** Same words, whatever the case, spacing, punctuation or Unicode form: the same post. */
    static String normalised(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return nfkc.replaceAll("[\\p{P}\\p{S}]+", "").replaceAll("\\s+", " ").strip();
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
