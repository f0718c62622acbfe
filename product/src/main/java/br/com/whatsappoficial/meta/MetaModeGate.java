package br.com.whatsappoficial.meta;

import br.com.whatsappoficial.meta.MetaModeRefused.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Decides the node's mode before any bean exists, and refuses to start where a wrong guess would be unsafe.
 *
 * <p>A node that says nothing runs the sandbox only where that is harmless: on the embedded H2 database,
 * listening on loopback alone (the fresh clone's {@code ./mvnw spring-boot:run}). A node on any other
 * database, or bound to another address, must say {@code meta.mode} ({@code META_MODE}): a mistyped or
 * forgotten profile must never turn a production node into a sandbox with public secrets and demo logins.
 * Live mode brings its own defaults (secure cookies, forwarded headers, Meta's Graph URL) and refuses every
 * sandbox default it still finds. It runs once the application's environment is complete, test initializers
 * included, and before the context is refreshed.
 */
final class MetaModeGate implements ApplicationListener<ApplicationPreparedEvent> {

    static final String LIVE_GRAPH_BASE_URL = "https://graph.facebook.com";

    /** The legacy switch to live mode, kept as another name for {@code META_MODE=live}. */
    static final String LIVE_PROFILE = "live";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        apply(event.getApplicationContext().getEnvironment());
    }

    /** Resolves the mode, puts it and its defaults into the environment, or throws {@link MetaModeRefused}. */
    static MetaMode apply(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        @Nullable String named = binder.bind("meta.mode", String.class).orElse(null);
        boolean liveProfile = environment.matchesProfiles(LIVE_PROFILE);
        MetaMode mode = named == null ? unnamed(environment, liveProfile) : named(named, liveProfile);
        MutablePropertySources sources = environment.getPropertySources();
        put(
                sources,
                new MapPropertySource(
                        "metaMode", Map.of("meta.mode", mode.name().toLowerCase(Locale.ROOT))),
                true);
        if (mode == MetaMode.LIVE) {
            put(
                    sources,
                    new MapPropertySource(
                            "liveModeDefaults",
                            Map.of(
                                    // behind a TLS-terminating load balancer
                                    "server.forward-headers-strategy", "native",
                                    "server.servlet.session.cookie.secure", "true",
                                    "meta.graph-base-url", LIVE_GRAPH_BASE_URL)),
                    false);
            List<Reason> sandboxDefaults = sandboxDefaults(Binder.get(environment));
            if (!sandboxDefaults.isEmpty()) {
                throw new MetaModeRefused(sandboxDefaults);
            }
        } else if (named == null && environment.getProperty("server.address") == null) {
            // The unnamed sandbox, with its public demo logins, answers this machine only.
            put(sources, new MapPropertySource("embeddedDefaults", Map.of("server.address", "127.0.0.1")), false);
        }
        return mode;
    }

    private static MetaMode named(String named, boolean liveProfile) {
        MetaMode mode;
        if (named.strip().equalsIgnoreCase("live")) {
            mode = MetaMode.LIVE;
        } else if (named.strip().equalsIgnoreCase("sandbox")) {
            mode = MetaMode.SANDBOX;
        } else {
            throw new MetaModeRefused(List.of(new Reason(
                    "META_MODE (meta.mode)",
                    "META_MODE vale \"" + named + "\"; os únicos valores são live e sandbox.",
                    "META_MODE is \"" + named + "\"; the only values are live and sandbox.")));
        }
        if (liveProfile && mode == MetaMode.SANDBOX) {
            throw new MetaModeRefused(List.of(new Reason(
                    "META_MODE (meta.mode)",
                    "O perfil live está ativo, mas META_MODE=sandbox: diga um só modo.",
                    "The live profile is active but META_MODE=sandbox: name one mode only.")));
        }
        return mode;
    }

    private static MetaMode unnamed(ConfigurableEnvironment environment, boolean liveProfile) {
        if (liveProfile) {
            return MetaMode.LIVE;
        }
        List<Reason> reasons = new ArrayList<>();
        String url = environment.getProperty("spring.datasource.url", "");
        if (!embedded(url)) {
            reasons.add(new Reason(
                    "META_MODE=live|sandbox (meta.mode)",
                    "O banco de dados não é o H2 embutido (" + withoutCredentials(url)
                            + "), e META_MODE não foi definido.",
                    "The database is not the embedded H2 (" + withoutCredentials(url)
                            + "), and META_MODE is not set."));
        }
        @Nullable String address = environment.getProperty("server.address");
        if (address != null && !loopback(address)) {
            reasons.add(new Reason(
                    "META_MODE=live|sandbox (meta.mode)",
                    "O nó escuta em " + address + ", não só nesta máquina, e META_MODE não foi definido.",
                    "The node listens on " + address + ", not on this machine only, and META_MODE is not set."));
        }
        if (!reasons.isEmpty()) {
            throw new MetaModeRefused(reasons);
        }
        return MetaMode.SANDBOX;
    }

    private static List<Reason> sandboxDefaults(Binder binder) {
        List<Reason> reasons = new ArrayList<>();
        String[][] secrets = {
            {"meta.app-id", "META_APP_ID", "o id do app da Meta", "the Meta app id"},
            {"meta.app-secret", "META_APP_SECRET", "a chave secreta do app", "the app secret"},
            {"meta.config-id", "META_CONFIG_ID", "a configuração do Embedded Signup", "Embedded Signup's configuration"
            },
            {
                "meta.webhook-verify-token",
                "META_WEBHOOK_VERIFY_TOKEN",
                "o token de verificação do webhook",
                "the webhook verify token"
            }
        };
        for (String[] secret : secrets) {
            if (sandboxValue(binder.bind(secret[0], String.class).orElse(null))) {
                reasons.add(new Reason(
                        secret[1] + " (" + secret[0] + ")",
                        "Modo live sem " + secret[2] + " real: " + secret[1] + " falta ou é o valor do sandbox.",
                        "Live mode without " + secret[3] + ": " + secret[1] + " is missing or the sandbox's value."));
            }
        }
        @Nullable
        String previous =
                binder.bind("webhook.previous-app-secret", String.class).orElse(null);
        if (previous != null && sandboxValue(previous)) {
            reasons.add(new Reason(
                    "WEBHOOK_PREVIOUSAPPSECRET (webhook.previous-app-secret)",
                    "webhook.previous-app-secret é uma chave do sandbox, pública: qualquer um assinaria webhooks.",
                    "webhook.previous-app-secret is a sandbox secret, which is public: anyone could sign webhooks."));
        }
        if (!metaGraph(binder.bind("meta.graph-base-url", String.class).orElse(null))) {
            reasons.add(
                    new Reason(
                            "META_GRAPH_BASE_URL (meta.graph-base-url)",
                            "Modo live sem a URL da Graph API da Meta (META_GRAPH_BASE_URL falta ou aponta para o sandbox).",
                            "Live mode without Meta's Graph API URL (META_GRAPH_BASE_URL is missing or points at the sandbox)."));
        }
        if (binder.bind("vault.keyset", String.class).map(String::isBlank).orElse(true)) {
            reasons.add(new Reason(
                    "VAULT_KEYSET (vault.keyset)",
                    "Modo live sem VAULT_KEYSET, a chave que cifra os tokens das empresas.",
                    "Live mode without VAULT_KEYSET, the key that encrypts the businesses' tokens."));
        }
        return reasons;
    }

    /** The sandbox's values all start with "sandbox" (its app secret, ids and verify token are public). */
    private static boolean sandboxValue(@Nullable String value) {
        return value == null
                || value.isBlank()
                || value.strip().toLowerCase(Locale.ROOT).startsWith("sandbox");
    }

    private static boolean metaGraph(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url.strip());
            return uri.getHost() != null
                    && !loopback(uri.getHost())
                    && (uri.getPath() == null || !uri.getPath().contains("/sandbox"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The database {@code ./mvnw spring-boot:run} makes in this process; a TCP or SSL H2 server is not it. */
    static boolean embedded(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A JDBC URL may carry a password as a parameter; the message needs only where the database is. */
    private static String withoutCredentials(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    private static void put(MutablePropertySources sources, PropertySource<?> source, boolean first) {
        sources.remove(source.getName());
        if (first) {
            sources.addFirst(source);
        } else {
            sources.addLast(source);
        }
    }
}
