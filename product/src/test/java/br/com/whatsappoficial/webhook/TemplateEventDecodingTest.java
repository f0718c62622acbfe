package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Meta's three template webhooks become typed events; Meta's ids come as numbers, languages with either separator. */
class TemplateEventDecodingTest {

    static final StoreId STORE = new StoreId(UUID.fromString("5c1d2c1e-7d0a-4f57-9d57-6b8f7d6f0a01"));

    @Test
    void aStatusUpdateWithItsRejectionInfo() {
        Object event = decode("message_template_status_update", """
                {"event":"REJECTED","message_template_id":1689556908129832,"message_template_name":"order_confirmation",
                 "message_template_language":"pt-BR","reason":"INVALID_FORMAT","message_template_category":"UTILITY",
                 "rejection_info":{"reason":"Variables can't be at the start","recommendation":"Add text before it"}}""");

        assertThat(event)
                .isEqualTo(new TemplateStatusChanged(
                        STORE,
                        "102290129340398",
                        "1689556908129832",
                        "order_confirmation",
                        "pt-BR",
                        "REJECTED",
                        "INVALID_FORMAT",
                        "UTILITY",
                        "Variables can't be at the start",
                        Instant.ofEpochSecond(1751247548)));
    }

    @Test
    void aStatusMetaAddsLaterIsCarriedAsText() {
        TemplateStatusChanged event = (TemplateStatusChanged) decode("message_template_status_update", """
                {"event":"SOMETHING_NEW","message_template_id":1,"message_template_name":"a",
                 "message_template_language":"pt_BR","reason":"NONE"}""");

        assertThat(event.event()).isEqualTo("SOMETHING_NEW");
        assertThat(event.reason()).isEqualTo("NONE");
    }

    @Test
    void aCategoryUpdateDoneAndAnnounced() {
        TemplateCategoryChanged done = (TemplateCategoryChanged) decode("template_category_update", """
                {"message_template_id":278077987,"message_template_name":"pedido_enviado",
                 "message_template_language":"pt_BR","previous_category":"UTILITY","new_category":"MARKETING"}""");
        TemplateCategoryChanged announced = (TemplateCategoryChanged) decode("template_category_update", """
                {"message_template_id":278077987,"message_template_name":"pedido_enviado",
                 "message_template_language":"pt_BR","correct_category":"MARKETING"}""");

        assertThat(done.previousCategory()).isEqualTo("UTILITY");
        assertThat(done.newCategory()).isEqualTo("MARKETING");
        assertThat(announced.newCategory()).isNull();
        assertThat(announced.correctCategory()).isEqualTo("MARKETING");
    }

    @Test
    void aQualityUpdate() {
        TemplateQualityChanged event = (TemplateQualityChanged) decode("message_template_quality_update", """
                {"previous_quality_score":"GREEN","new_quality_score":"YELLOW","message_template_id":806312974732579,
                 "message_template_name":"welcome_template","message_template_language":"en-US"}""");

        assertThat(event.templateId()).isEqualTo("806312974732579");
        assertThat(event.previousQuality()).isEqualTo("GREEN");
        assertThat(event.newQuality()).isEqualTo("YELLOW");
    }

    @Test
    void aStatusUpdateWithoutTemplateIdIsUnreadable() {
        assertThatThrownBy(() -> decode("message_template_status_update", """
                        {"event":"APPROVED","message_template_name":"a","message_template_language":"pt_BR"}""")).isInstanceOf(UnreadableEvent.class);
    }

    private static Object decode(String field, String value) {
        String payload = """
                {"entry_id":"102290129340398","entry_time":1751247548,"field":"%s","value":%s}""".formatted(field, value);
        return InboxEventDecoder.decode(payload, STORE).orElseThrow();
    }
}
