package org.madang.platform.error;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Korean and English texts for problem details and field errors. Korean is the default language. */
public final class Messages {

    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Messages() {
    }

    /** Chooses ko or en from an Accept-Language header, by the first of the two that it prefers. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return KOREAN;
        try {
            var ranges = Locale.LanguageRange.parse(header.length() > 200 ? header.substring(0, 200) : header);
            var chosen = Locale.lookupTag(ranges, List.of("ko", "en"));
            return "en".equals(chosen) ? ENGLISH : KOREAN;
        } catch (IllegalArgumentException malformed) {
            return KOREAN;
        }
    }

    public static String text(Locale locale, String key, Object... arguments) {
        var bundle = ResourceBundle.getBundle("org.madang.platform.error.messages",
                ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : KOREAN,
                Messages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException missing) {
            pattern = key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
