package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.whatsappoficial.PostgresIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

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
    void loginFormIsRefusedWithoutItsCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", "ana@aurora.example").param("password", "aurora-demo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void logoutIsRefusedWithoutItsCsrfToken() throws Exception {
        mvc.perform(post("/logout")).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(csrf())).andExpect(redirectedUrl("/login?logout"));
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
