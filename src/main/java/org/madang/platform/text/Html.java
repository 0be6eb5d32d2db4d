package org.madang.platform.text;

/** Text made safe to place between HTML tags or inside a quoted attribute value. */
public final class Html {

    private Html() {
    }

    /** {@code text} with {@code < > & " '} replaced by character references; empty for {@code null}. */
    public static String escape(String text) {
        if (text == null) return "";
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
