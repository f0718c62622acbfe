package br.com.whatsappoficial.autoreply;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the reply's button leads: an absolute web address. WhatsApp opens only https links from a live
 * number; the sandbox also takes http, so a local shop can be the target in a demo.
 */
record ReplyLink(URI value) {

    static final int MOST = 2000;

    ReplyLink {
        String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || value.getHost() == null) {
            throw new InvalidSetting("link", "autoreply.error.link.invalid");
        }
    }

    static ReplyLink parse(String typed, boolean httpAllowed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new InvalidSetting("link", "autoreply.error.link.empty");
        }
        if (text.length() > MOST || text.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidSetting("link", "autoreply.error.link.invalid");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidSetting("link", "autoreply.error.link.invalid");
        }
        ReplyLink link = new ReplyLink(uri);
        if (!httpAllowed && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidSetting("link", "autoreply.error.link.https");
        }
        return link;
    }

    /** The address the button opens: the merchant's, with our UTM parameters in place of any it had. */
    String withUtm(ReplyMode mode) {
        return UriComponentsBuilder.fromUri(value)
                .replaceQueryParam("utm_source", "whatsapp")
                .replaceQueryParam("utm_medium", "resposta-automatica")
                .replaceQueryParam("utm_campaign", mode.utmCampaign())
                .build(true)
                .toUriString();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
