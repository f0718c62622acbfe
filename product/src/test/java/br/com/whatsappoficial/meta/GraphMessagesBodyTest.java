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
    void aCustomerKnownOnlyByUserIdGoesInRecipient() {
        String body = json(new OutboundMessage.Text("BR.1234567890abcdef", "Oi", false, null));

        assertThat(body).contains("\"recipient\":\"BR.1234567890abcdef\"").doesNotContain("\"to\"");
    }

    private static String json(OutboundMessage message) {
        return GraphJson.MAPPER.writeValueAsString(GraphMessages.body(message));
    }
}
