package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import br.com.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@PostgresIntegrationTest
@AutoConfigureMockMvc
class LocaleIT {

    @Autowired
    MockMvc mvc;

    @Test
    void speaksPortugueseByDefault() throws Exception {
        assertThat(render(get("/login"))).contains("Entre na sua loja", "lang=\"pt-BR\"");
    }

    @Test
    void speaksEnglishWhenAskedInTheUrl() throws Exception {
        assertThat(render(get("/login").param("lang", "en"))).contains("Log in to your store");
    }

    @Test
    void followsTheBrowsersLanguage() throws Exception {
        assertThat(render(get("/login").header("Accept-Language", "en-US,en;q=0.9")))
                .contains("Log in to your store");
    }

    @Test
    void fallsBackToPortugueseForOtherLanguages() throws Exception {
        assertThat(render(get("/login").header("Accept-Language", "fr-FR,de;q=0.8")))
                .contains("Entre na sua loja");
    }

    @Test
    void ignoresUnsupportedLanguagesInTheUrl() throws Exception {
        var response =
                mvc.perform(get("/login").param("lang", "xx")).andReturn().getResponse();

        assertThat(response.getContentAsString()).contains("lang=\"pt-BR\"", "Entre na sua loja");
        assertThat(response.getCookie("WO_LANG")).isNull();
    }

    @Test
    void keepsTheChosenLanguageWhenAnUnsupportedOneIsAsked() throws Exception {
        var english = mvc.perform(get("/login").param("lang", "en")).andReturn().getResponse();
        var cookie = english.getCookie("WO_LANG");
        assertThat(cookie).isNotNull();

        var response = mvc.perform(get("/login").param("lang", "de-DE").cookie(cookie))
                .andReturn()
                .getResponse();

        assertThat(response.getContentAsString()).contains("lang=\"en\"", "Log in to your store");
        assertThat(response.getCookie("WO_LANG")).isNull();
    }

    @Test
    void acceptsBrazilianPortugueseAndEnglishByTheirTags() throws Exception {
        assertThat(render(get("/login").param("lang", "pt-BR"))).contains("lang=\"pt-BR\"");
        assertThat(render(get("/login").param("lang", "en-US"))).contains("lang=\"en\"");
    }

    private String render(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }
}
