package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import br.com.whatsappoficial.PostgresIntegrationTest;
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

    private String render(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }
}
