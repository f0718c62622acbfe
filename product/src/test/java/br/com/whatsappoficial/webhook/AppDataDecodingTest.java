package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.whatsappoficial.store.StoreId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A coexistence number's webhooks, in the examples of Meta's references (smb_app_state_sync, history,
 * history declined, smb_message_echoes), become typed events.
 */
class AppDataDecodingTest {

    static final StoreId STORE = new StoreId(UUID.fromString("5c1d2c1e-7d0a-4f57-9d57-6b8f7d6f0a02"));

    static final String CONTACTS = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
              "messaging_product":"whatsapp",
              "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
              "state_sync":[{"type":"contact","contact":{"full_name":"Pablo Morales","first_name":"Pablo",
                "phone_number":"16505551234"},"action":"add","metadata":{"timestamp":"1739321024"}},
                {"type":"contact","contact":{"phone_number":"16505550000"},"action":"remove",
                "metadata":{"timestamp":"1739321025"}}]},
              "field":"smb_app_state_sync"}]}]}""";

    static final String HISTORY = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
              "messaging_product":"whatsapp",
              "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
              "history":[{"metadata":{"phase":0,"chunk_order":1,"progress":55},"threads":[
                {"id":"16505551234","messages":[
                  {"from":"15550783881","id":"wamid.A","timestamp":"1739230955","type":"text",
                   "text":{"body":"Here's the info you requested!"},"history_context":{"status":"READ"}},
                  {"from":"15550783881","id":"wamid.B","timestamp":"1739230970","type":"media_placeholder",
                   "history_context":{"status":"PLAYED"}},
                  {"from":"16505551234","id":"wamid.C","timestamp":"1739230970","type":"text",
                   "text":{"body":"Thanks!"},"history_context":{"status":"READ"}}]},
                {"id":"12125557890","messages":[
                  {"from":"15550783881","id":"wamid.D","timestamp":"1739230970","type":"text",
                   "text":{"body":"Thanks for your order!"},"history_context":{"status":"DELIVERED"}}]}]}]},
              "field":"history"}]}]}""";

    static final String DECLINED = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
              "messaging_product":"whatsapp",
              "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
              "history":[{"errors":[{"code":2593109,
                "title":"History sync is turned off by the business from the WhatsApp Business App",
                "message":"History sync is turned off by the business from the WhatsApp Business App",
                "error_data":{"details":"History sharing is turned off by the business"}}]}]},
              "field":"history"}]}]}""";

    static final String ECHO = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
              "messaging_product":"whatsapp",
              "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
              "message_echoes":[{"from":"15550783881","to":"16505551234",
                "id":"wamid.HBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0N0FCNjMA","timestamp":"1739321024",
                "type":"text","text":{"body":"Here's the info you requested!"}}]},
              "field":"smb_message_echoes"}]}]}""";

    @Test
    void contactsAddedAndRemovedInTheAppBecomeOneEvent() throws Exception {
        assertThat(decode(CONTACTS))
                .isEqualTo(new AppContactsSynced(
                        STORE,
                        "106540352242922",
                        List.of(
                                new AppContactsSynced.Contact(
                                        "16505551234", "Pablo Morales", false, Instant.ofEpochSecond(1739321024)),
                                new AppContactsSynced.Contact(
                                        "16505550000", null, true, Instant.ofEpochSecond(1739321025)))));
    }

    @Test
    void aHistoryChunkCarriesItsPhaseOrderProgressAndWhoSentEachMessage() throws Exception {
        AppHistoryReceived chunk = (AppHistoryReceived) decode(HISTORY);

        assertThat(chunk.phoneNumberId()).isEqualTo("106540352242922");
        assertThat(chunk.phase()).isZero();
        assertThat(chunk.chunkOrder()).isEqualTo(1);
        assertThat(chunk.progress()).isEqualTo(55);
        assertThat(chunk.messages())
                .extracting(
                        AppHistoryReceived.HistoryMessage::messageId,
                        AppHistoryReceived.HistoryMessage::customer,
                        AppHistoryReceived.HistoryMessage::fromBusiness)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("wamid.A", "16505551234", true),
                        org.assertj.core.groups.Tuple.tuple("wamid.B", "16505551234", true),
                        org.assertj.core.groups.Tuple.tuple("wamid.C", "16505551234", false),
                        org.assertj.core.groups.Tuple.tuple("wamid.D", "12125557890", true));
        assertThat(chunk.messages().get(2).text()).isEqualTo("Thanks!");
        assertThat(chunk.messages().get(2).sentAt()).isEqualTo(Instant.ofEpochSecond(1739230970));
    }

    @Test
    void aMerchantWhoDoesNotShareTheHistoryIsADeclineNotAFailure() throws Exception {
        assertThat(decode(DECLINED))
                .isEqualTo(new AppHistoryDeclined(
                        STORE,
                        "106540352242922",
                        AppHistoryDeclined.NOT_SHARED,
                        "History sync is turned off by the business from the WhatsApp Business App"));
    }

    @Test
    void aMessageSentFromTheAppIsAnEcho() throws Exception {
        assertThat(decode(ECHO))
                .isEqualTo(new AppMessagesEchoed(
                        STORE,
                        "106540352242922",
                        List.of(new AppMessagesEchoed.Echo(
                                "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0N0FCNjMA",
                                "16505551234",
                                "text",
                                "Here's the info you requested!",
                                Instant.ofEpochSecond(1739321024)))));
    }

    @Test
    void aChunkWithoutItsOrderIsUnreadable() throws Exception {
        InboxEvent event = event(HISTORY.replace("\"chunk_order\":1,", ""));

        assertThatThrownBy(() -> InboxEventDecoder.decode(event.payload(), STORE))
                .isInstanceOf(UnreadableEvent.class);
    }

    private static Object decode(String body) throws Exception {
        return InboxEventDecoder.decode(event(body).payload(), STORE).orElseThrow();
    }

    private static InboxEvent event(String body) throws Exception {
        return WebhookEnvelope.events(body.getBytes(StandardCharsets.UTF_8)).getFirst();
    }
}
