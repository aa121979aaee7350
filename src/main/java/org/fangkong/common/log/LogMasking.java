package org.fangkong.common.log;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangkong.common.Masking;

/**
 * What no log line may carry, masked wherever it comes from (our code, Spring, the driver, a stack
 * trace): mainland mobile numbers, ID-card numbers, bearer tokens, and the secrets in paths (a
 * personal observation link {@code /o/{token}}, a check-in's visit {@code /c/{code}/v/{id}}).
 */
public final class LogMasking {

    private static final Pattern SECRET_PATH = Pattern.compile("(/o/)[A-Za-z0-9_-]{8,}|(/c/[A-Za-z0-9_-]+/v/)[A-Za-z0-9_-]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])(?:\\+?86)?1[3-9]\\d{9}(?![0-9])");

    private LogMasking() {
    }

    /** {@code text} with every secret and personal number masked (null stays null). */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = replace(SECRET_PATH, text, m -> (m.group(1) != null ? m.group(1) : m.group(2)) + "***");
        s = replace(BEARER, s, m -> m.group(1) + "***");
        s = replace(ID_NUMBER, s, m -> Masking.idNumber(m.group()));
        return replace(PHONE, s, m -> Masking.phone(m.group().substring(m.group().length() - 11)));
    }

    /** A request path fit for a log line. */
    public static String path(String uri) {
        return mask(uri);
    }

    private static String replace(Pattern p, String s, Function<Matcher, String> with) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
