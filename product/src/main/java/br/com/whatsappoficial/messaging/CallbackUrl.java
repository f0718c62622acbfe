package br.com.whatsappoficial.messaging;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A callback URL of the right shape: absolute, {@code https}, a host and no user name or password in it.
 * In sandbox mode a receiver on this machine ({@code http://127.0.0.1:<port>/…} or {@code
 * http://localhost:<port>/…}) is also accepted, so tests and demos can receive callbacks. Where its host
 * leads is checked apart, on every lookup ({@link CallbackUrls}).
 *
 * @param onThisMachine the sandbox's local receiver: its host may resolve to loopback addresses only
 */
record CallbackUrl(URI uri, boolean onThisMachine) {

    static final int MAX_LENGTH = 2000;

    static CallbackUrl parse(String text, boolean sandbox) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException malformed) {
            throw new InvalidCallbackUrl("callbacks.url.malformed");
        }
        if (text.length() > MAX_LENGTH || !uri.isAbsolute() || uri.getHost() == null || uri.getScheme() == null) {
            throw new InvalidCallbackUrl("callbacks.url.malformed");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidCallbackUrl("callbacks.url.credentials");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = sandbox
                && ("127.0.0.1".equals(host) || "localhost".equals(host))
                && uri.getPort() != -1
                && ("http".equals(scheme) || "https".equals(scheme));
        if (!local && !"https".equals(scheme)) {
            throw new InvalidCallbackUrl(sandbox ? "callbacks.url.https-or-local" : "callbacks.url.https");
        }
        return new CallbackUrl(uri, local);
    }

    String host() {
        return uri.getHost();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
