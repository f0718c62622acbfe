package br.com.whatsappoficial.meta;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Embedded Signup's server side: code exchange and token introspection (META-CONTRACT §2). */
@Component
public class GraphTokens {

    private final GraphHttp graph;
    private final MetaSettings settings;

    GraphTokens(GraphHttp graph, MetaSettings settings) {
        this.graph = graph;
        this.settings = settings;
    }

    /**
     * Exchanges the code that Embedded Signup returned for the customer's business token. The code
     * lives 30 seconds and works once: on failure never retry with it, run the signup again.
     */
    public BusinessToken exchangeCode(String code) {
        var answer = graph.call(
                GraphRequest.get("oauth.access_token", "/oauth/access_token")
                        .query("client_id", settings.appId())
                        .query("client_secret", settings.appSecret())
                        .query("code", code),
                AccessTokenAnswer.class);
        return new BusinessToken(answer.accessToken());
    }

    /** What the token grants and until when, asked with the app's own token. */
    public TokenInfo inspect(BusinessToken token) {
        return graph.call(
                        GraphRequest.get("debug_token", "/debug_token")
                                .query("input_token", token.value())
                                .bearer(settings.appId() + "|" + settings.appSecret()),
                        DebugTokenAnswer.class)
                .data();
    }

    record AccessTokenAnswer(
            String accessToken,
            @Nullable String tokenType,
            @Nullable Long expiresIn) {
        @Override
        public String toString() {
            return "AccessTokenAnswer[redacted]";
        }
    }

    record DebugTokenAnswer(TokenInfo data) {}
}
