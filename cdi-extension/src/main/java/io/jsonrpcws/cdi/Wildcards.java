package io.jsonrpcws.cdi;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Lists of patterns such as {@code https://*.example.com} or {@code *.internal}, matched case-insensitively against
 * a whole value. A {@code *} stands for any run of characters other than {@code :} and {@code /}, so that it never
 * reaches across a scheme's separator or into a port; a pattern that is {@code *} alone matches everything.
 */
final class Wildcards {

    private Wildcards() {
    }

    /** Whether a value matches any of the patterns; none matches nothing. */
    static Predicate<String> anyOf(List<String> patterns) {
        if (patterns.contains("*")) {
            return value -> true;
        }
        if (patterns.isEmpty()) {
            return value -> false;
        }
        StringBuilder regex = new StringBuilder();
        for (String p : patterns) {
            if (regex.length() > 0) {
                regex.append('|');
            }
            regex.append("(?:");
            String[] literals = p.toLowerCase(Locale.ROOT).split("\\*", -1);
            for (int i = 0; i < literals.length; i++) {
                if (i > 0) {
                    regex.append("[^:/]*");
                }
                regex.append(Pattern.quote(literals[i]));
            }
            regex.append(')');
        }
        Pattern pattern = Pattern.compile(regex.toString());
        return value -> value != null && pattern.matcher(value.toLowerCase(Locale.ROOT)).matches();
    }
}
