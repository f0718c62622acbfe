package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.whatsappoficial.store.StoreId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Meta's user_preferences webhook, as its reference shows it, becomes one event with each customer's choice. */
class MarketingPreferencesDecodingTest {

    static final StoreId STORE = new StoreId(UUID.fromString("5c1d2c1e-7d0a-4f57-9d57-6b8f7d6f0a01"));

    /** Meta's example: the number's metadata, the contact, and the preference with an integer timestamp. */
    static final String STOP = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
              "messaging_product":"whatsapp",
              "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
              "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],
              "user_preferences":[{"wa_id":"16505551234","detail":"User requested to stop marketing messages",
                "category":"marketing_messages","value":"stop","timestamp":1739321024}]},
              "field":"user_preferences"}]}]}""";

    @Test
    void aStopBecomesOneEventForTheNumberItNames() throws Exception {
        List<InboxEvent> events = WebhookEnvelope.events(STOP.getBytes(StandardCharsets.UTF_8));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.field()).isEqualTo("user_preferences");
            assertThat(event.phoneNumberId()).isEqualTo("106540352242922");
            assertThat(InboxEventDecoder.decode(event.payload(), STORE))
                    .contains(new MarketingPreferencesChanged(
                            STORE,
                            "106540352242922",
                            List.of(new MarketingPreferencesChanged.Preference(
                                    "16505551234", "marketing_messages", "stop", Instant.ofEpochSecond(1739321024)))));
        });
    }

    @Test
    void aResumeAndAValueMetaAddsLaterAreCarriedAsTheyCame() throws Exception {
        String body = STOP.replace("\"value\":\"stop\"", "\"value\":\"RESUME\"");
        String later = STOP.replace("\"value\":\"stop\"", "\"value\":\"snooze\"");

        MarketingPreferencesChanged resumed = decode(body);
        MarketingPreferencesChanged unknown = decode(later);

        assertThat(resumed.preferences().getFirst().resume()).isTrue();
        assertThat(unknown.preferences().getFirst().stop()).isFalse();
        assertThat(unknown.preferences().getFirst().resume()).isFalse();
    }

    private static MarketingPreferencesChanged decode(String body) throws Exception {
        InboxEvent event =
                WebhookEnvelope.events(body.getBytes(StandardCharsets.UTF_8)).getFirst();
        return (MarketingPreferencesChanged)
                InboxEventDecoder.decode(event.payload(), STORE).orElseThrow();
    }
}
