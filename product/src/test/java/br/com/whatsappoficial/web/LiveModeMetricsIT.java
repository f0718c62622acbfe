package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.testsupport.PostgresTestDatabase;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "meta.mode=live",
            "meta.app-id=1234567890",
            "meta.app-secret=live-secret-for-tests",
            "meta.config-id=987654321",
            "meta.webhook-verify-token=live-verify",
            "app.metrics.username=scraper",
            "app.metrics.password-hash={noop}scrape-me"
        })
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@AutoConfigureMockMvc
class LiveModeMetricsIT {

    @DynamicPropertySource
    static void vaultKeyset(DynamicPropertyRegistry registry) throws GeneralSecurityException {
        // Live mode refuses to start without a configured keyset; a fresh one per run is enough here.
        AeadConfig.register();
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        registry.add("vault.keyset", () -> json);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void prometheusNeedsTheScrapersCredentials() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("scraper", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("scraper", "scrape-me")))
                .andExpect(status().isOk());
    }

    @Test
    void storeUsersCannotScrapeMetrics() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(httpBasic("ana@aurora.example", "aurora-demo")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void pagesMayLoadFacebooksSdkInLiveModeOnly() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", ContentSecurityPolicy.LIVE_PAGES));
        assertThat(ContentSecurityPolicy.LIVE_PAGES).contains("script-src 'self' https://connect.facebook.net");
    }

    @Test
    void healthStaysOpenForTheLoadBalancer() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void liveModeSeedsNoDemoStore() {
        // The database is shared with this run's sandbox-mode tests, which seed the demo stores, so the
        // seeder itself must be absent.
        assertThat(context.containsBean("demoStores")).isFalse();
    }

    @Test
    void cookiesAreSecureBehindTheLoadBalancersTls() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        // The login page sets the login form's CSRF cookie (and no session cookie: see LoginLimitsIT).
        assertThat(response.headers().allValues("Set-Cookie"))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax"));
    }
}
