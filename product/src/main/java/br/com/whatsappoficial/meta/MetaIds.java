package br.com.whatsappoficial.meta;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The one check of Meta's object ids: a browser's id goes into a Graph path, so nothing but digits. */
final class MetaIds {

    // Meta's ids are 64-bit numbers today; 32 digits leaves room without letting a path through.
    private static final Pattern DIGITS = Pattern.compile("\\d{1,32}");

    private MetaIds() {}

    static void requireDigits(String field, @Nullable String value) {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new InvalidMetaId(field);
        }
    }
}
