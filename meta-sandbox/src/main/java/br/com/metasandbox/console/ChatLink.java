package br.com.metasandbox.console;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A click-to-chat link as a phone's camera or browser hands it to WhatsApp: {@code https://wa.me/<number>?text=…}
 * or {@code https://api.whatsapp.com/send?phone=<number>&text=…}. WhatsApp opens the chat with the number and
 * puts the text in the message field, unsent.
 *
 * @param e164 the business number, with its +
 * @param text the prefilled message; empty when the link has none
 */
record ChatLink(String e164, String text) {

    static Optional<ChatLink> parse(@Nullable String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(link.strip());
        } catch (IllegalArgumentException notALink) {
            return Optional.empty();
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String digits;
        if (host.equals("wa.me")) {
            digits = path.replace("/", "");
        } else if (host.equals("api.whatsapp.com") && path.equals("/send")) {
            digits = query(uri, "phone");
        } else {
            return Optional.empty();
        }
        if (!digits.matches("\\d{8,15}")) {
            return Optional.empty();
        }
        return Optional.of(new ChatLink("+" + digits, query(uri, "text")));
    }

    private static String query(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
