package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.testsupport.PostgresIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@PostgresIntegrationTest
@AutoConfigureMockMvc
class WebSecurityIT {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Test
    void pagesNeedALogin() throws Exception {
        mvc.perform(get("/configuracoes")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/configuracoes/whatsapp-oficial")).andExpect(status().is3xxRedirection());
    }

    @Test
    void loginFormWithoutAValidCsrfTokenComesBackFreshAndDoesNotLogIn() throws Exception {
        var result = mvc.perform(
                        post("/login").param("username", "ana@aurora.example").param("password", "aurora-demo"))
                .andExpect(redirectedUrl("/login?expired"))
                .andReturn();
        mvc.perform(get("/").cookie(sessionOf(result))).andExpect(redirectedUrl("/login"));

        String page =
                mvc.perform(get("/login?expired")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Sua sessão expirou; entre de novo.", "name=\"_csrf\"");
    }

    @Test
    void logoutIsRefusedWithoutItsCsrfToken() throws Exception {
        Cookie session = loggedIn();
        mvc.perform(post("/logout").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void htmxRequestOfAnExpiredSessionReloadsItsWholePage() throws Exception {
        var result = mvc.perform(get("/configuracoes/whatsapp-oficial/status/painel")
                        .header("HX-Request", "true")
                        .header("HX-Current-URL", "http://localhost/configuracoes/whatsapp-oficial/status?lang=en"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/configuracoes/whatsapp-oficial/status?lang=en"))
                .andReturn();

        // The fragment is not what the merchant returns to after logging in.
        assertThat(result.getResponse().getCookie("WO_SESSION")).isNull();
    }

    @Test
    void htmxRedirectStaysOnThisSite() throws Exception {
        for (String foreign : new String[] {"https://evil.example//evil.example/x", "not a url", "//evil.example"}) {
            mvc.perform(get("/configuracoes/whatsapp-oficial/status/painel")
                            .header("HX-Request", "true")
                            .header("HX-Current-URL", foreign))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("HX-Redirect", "/"));
        }
    }

    @Test
    void pageOfAnExpiredSessionReturnsAfterTheLogin() throws Exception {
        var result = mvc.perform(get("/configuracoes/whatsapp-oficial/status"))
                .andExpect(redirectedUrl("/login"))
                .andReturn();
        mvc.perform(post("/login")
                        .cookie(sessionOf(result))
                        .with(csrf())
                        .param("username", "ana@aurora.example")
                        .param("password", "aurora-demo"))
                .andExpect(redirectedUrl("http://localhost/configuracoes/whatsapp-oficial/status?continue"));
    }

    @Test
    void signupReportOfAnExpiredSessionAsksToLogInAgain() throws Exception {
        // The launcher's CSRF token belonged to the session that expired.
        String body = mvc.perform(post("/configuracoes/whatsapp-oficial/conexao")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"FINISH\",\"code\":\"abc\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("Sua sessão expirou")))
                .andExpect(jsonPath("$.login").value("/login"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain("<html");

        mvc.perform(post("/configuracoes/whatsapp-oficial/conexao")
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("Your session has expired")));
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPageWithAnError() throws Exception {
        mvc.perform(formLogin("/login").user("ana@aurora.example").password("errada"))
                .andExpect(redirectedUrl("/login?error"));
        String page = mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("E-mail ou senha incorretos");
    }

    @Test
    void demoAdminLogsInToThePainel() throws Exception {
        mvc.perform(formLogin("/login").user("ana@aurora.example").password("aurora-demo"))
                .andExpect(redirectedUrl("/"));
    }

    private Cookie loggedIn() throws Exception {
        return sessionOf(
                mvc.perform(formLogin("/login").user("ana@aurora.example").password("aurora-demo"))
                        .andExpect(redirectedUrl("/"))
                        .andReturn());
    }

    /** Sessions live in the database (Spring Session), known to the browser by their cookie only. */
    private static Cookie sessionOf(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("WO_SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    @Test
    void pagesForbidFramingAndForeignScripts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", ContentSecurityPolicy.PAGES))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("WO_SESSION=").contains("HttpOnly", "SameSite=Lax");
    }

    @Test
    void healthProbesAreOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void prometheusIsOpenInSandboxMode() throws Exception {
        String metrics = mvc.perform(get("/actuator/prometheus"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }

    @Test
    void otherActuatorEndpointsAreClosed() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().is4xxClientError());
        mvc.perform(get("/actuator/beans")).andExpect(status().is4xxClientError());
    }
}
