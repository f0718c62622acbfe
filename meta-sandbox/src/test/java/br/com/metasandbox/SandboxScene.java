package br.com.metasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

/** A merchant's business with one WABA and one number, connected through the code exchange over HTTP. */
public record SandboxScene(SandboxBusiness business, SandboxWaba waba, SandboxPhone phone, String token) {

    public static SandboxScene create(SandboxMeta meta, Graph graph) {
        SandboxBusiness business = meta.createBusiness("Loja Exemplo");
        SandboxWaba waba = meta.createWaba(business.id(), "Loja Exemplo");
        SandboxPhone phone = meta.addPhone(waba.id(), randomMobile("11"), "Loja Exemplo");
        return new SandboxScene(business, waba, phone, exchange(meta, graph, business.id()));
    }

    public static String exchange(SandboxMeta meta, Graph graph, String businessId) {
        Graph.Answer answer = graph.get(
                "/oauth/access_token"
                        + Graph.query(Graph.params(
                                "client_id",
                                "sandbox-app",
                                "client_secret",
                                "sandbox-app-secret",
                                "code",
                                meta.issueCode(businessId))),
                null);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().path("access_token").asString();
    }

    /** A Brazilian mobile number with the given DDD that no other test uses. */
    static String randomMobile(String ddd) {
        return "+55" + ddd + "9" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** Verified, name approved and registered: ready to send. */
    public SandboxScene connected(SandboxMeta meta, Graph graph) {
        meta.verifyPhone(phone.id());
        meta.approveDisplayName(phone.id());
        Graph.Answer answer = graph.postJson(
                "/" + phone.id() + "/register",
                token,
                java.util.Map.of("messaging_product", "whatsapp", "pin", "123456"));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return this;
    }
}
