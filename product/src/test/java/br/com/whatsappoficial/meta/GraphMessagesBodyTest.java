package br.com.whatsappoficial.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire shape of a send (META-CONTRACT §6, §11), as Graph reads it. */
class GraphMessagesBodyTest {

    @Test
    void namedVariablesCarryTheirNamesAndPositionalOnesDoNot() {
        String named = json(new OutboundMessage.Template(
                "+5511987654321",
                "pedido_enviado",
                "pt_BR",
                List.of(new OutboundMessage.Parameter("nome", "Ana")),
                "0b7c1c2e"));
        String positional = json(new OutboundMessage.Template(
                "+5511987654321",
                "pedido_enviado",
                "pt_BR",
                List.of(OutboundMessage.Parameter.positional("Ana")),
                null));

        assertThat(named)
                .contains("\"parameters\":[{\"type\":\"text\",\"parameter_name\":\"nome\",\"text\":\"Ana\"}]")
                .contains("\"biz_opaque_callback_data\":\"0b7c1c2e\"")
                .contains("\"to\":\"+5511987654321\"")
                .doesNotContain("\"recipient\"");
        assertThat(positional)
                .contains("\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"}]")
                .doesNotContain("biz_opaque_callback_data");
    }

    @Test
    void aMediaHeaderAndADynamicLinkGoInTheirOwnComponents() {
        String body = json(new OutboundMessage.Template(
                "+5511987654321",
                "oferta_semana",
                "pt_BR",
                List.of(OutboundMessage.Parameter.positional("Ana")),
                new OutboundMessage.HeaderMedia("image", "https://loja.example/banner.jpg"),
                List.of(new OutboundMessage.ButtonParameter(1, "pedido/1001")),
                null));

        assertThat(GraphJson.MAPPER.readTree(body).at("/template/components"))
                .isEqualTo(GraphJson.MAPPER.readTree("""
                        [{"type": "header",
                          "parameters": [{"type": "image", "image": {"link": "https://loja.example/banner.jpg"}}]},
                         {"type": "body", "parameters": [{"type": "text", "text": "Ana"}]},
                         {"type": "button", "sub_type": "url", "index": "1",
                          "parameters": [{"type": "text", "text": "pedido/1001"}]}]"""));
    }

    @Test
    void aTextHeadersVariableIsAHeaderParameter() {
        String body = json(new OutboundMessage.Template(
                "+5511987654321",
                "pedido_enviado",
                "pt_BR",
                List.of(),
                new OutboundMessage.HeaderText(OutboundMessage.Parameter.positional("#4521")),
                List.of(),
                null));

        assertThat(GraphJson.MAPPER.readTree(body).at("/template/components"))
                .isEqualTo(GraphJson.MAPPER.readTree("""
                        [{"type": "header", "parameters": [{"type": "text", "text": "#4521"}]}]"""));
    }

    @Test
    void aCustomerKnownOnlyByUserIdGoesInRecipient() {
        String body = json(new OutboundMessage.Text("BR.1234567890abcdef", "Oi", false, null));

        assertThat(body).contains("\"recipient\":\"BR.1234567890abcdef\"").doesNotContain("\"to\"");
    }

    private static String json(OutboundMessage message) {
        return GraphJson.MAPPER.writeValueAsString(GraphMessages.body(message));
    }
}
