package br.com.metasandbox.signup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A few of Meta's display-name guidelines, checked the way the sandbox's Embedded Signup popup checks
 * them. They paraphrase Meta's published guidelines (no "WhatsApp", not only generic words, no URLs,
 * length, no shouting, no decorative symbols); the exact lists, limits and error ids are the sandbox's
 * (unverified), so the popup labels them as sandbox rules.
 */
final class DisplayNameRules {

    /** Why a display name breaks the guidelines, with the message key and the error_id Meta reports it with. */
    enum Violation {
        LENGTH("524101"),
        WHATSAPP("524102"),
        GENERIC_ONLY("524103"),
        URL("524104"),
        ALL_CAPS("524105"),
        SYMBOLS("524106");

        private final String errorId;

        Violation(String errorId) {
            this.errorId = errorId;
        }

        String errorId() {
            return errorId;
        }

        String messageKey() {
            return "sandbox.signup.name-rule." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Violation> withErrorId(String errorId) {
            return Arrays.stream(values())
                    .filter(violation -> violation.errorId.equals(errorId))
                    .findFirst();
        }
    }

    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 75;

    /** Words that alone describe a kind of business, not a business (the sandbox's list). */
    static final Set<String> GENERIC_WORDS = Set.of(
            "loja",
            "lojas",
            "store",
            "shop",
            "moda",
            "roupas",
            "calcados",
            "sapatos",
            "pizza",
            "pizzaria",
            "restaurante",
            "lanchonete",
            "padaria",
            "mercado",
            "supermercado",
            "farmacia",
            "delivery",
            "vendas",
            "atendimento",
            "suporte",
            "comercio",
            "online",
            "oficial",
            "virtual",
            "brasil",
            "de",
            "da",
            "do",
            "e",
            "the",
            "and",
            "beleza",
            "cosmeticos",
            "acessorios",
            "presentes",
            "eletronicos",
            "servicos");

    private static final Pattern URL =
            Pattern.compile("(?i)(https?://|www\\.|\\.(com|net|org|br|shop|store|io)(\\.|/|$))");
    /**
     * Decorative characters: the ASCII ones Meta's examples refuse, and every Unicode symbol (stars, hearts,
     * arrows, check marks, emoji, math and currency signs, private-use glyphs), as the help text promises.
     */
    private static final Pattern SYMBOLS =
            Pattern.compile("[~!@#$%^*_=+<>{}\\[\\]|\\\\/\"\\p{So}\\p{Sk}\\p{Sm}\\p{Sc}\\p{Co}\\p{Cs}]");

    private DisplayNameRules() {}

    static Optional<Violation> check(String name) {
        String stripped = name.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of(Violation.LENGTH);
        }
        String plain = Normalizer.normalize(stripped, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        if (plain.replaceAll("[^a-z]", "").contains("whatsapp") || plain.contains("whats app")) {
            return Optional.of(Violation.WHATSAPP);
        }
        if (URL.matcher(stripped).find()) {
            return Optional.of(Violation.URL);
        }
        if (SYMBOLS.matcher(stripped).find()) {
            return Optional.of(Violation.SYMBOLS);
        }
        String letters = stripped.replaceAll("[^\\p{L}]", "");
        if (letters.length() > 5 && letters.equals(letters.toUpperCase(Locale.ROOT))) {
            return Optional.of(Violation.ALL_CAPS);
        }
        if (Arrays.stream(plain.split("[^a-z0-9]+"))
                .filter(word -> !word.isEmpty())
                .allMatch(GENERIC_WORDS::contains)) {
            return Optional.of(Violation.GENERIC_ONLY);
        }
        return Optional.empty();
    }
}
