package br.com.whatsappoficial.template;

import br.com.whatsappoficial.account.ConnectOutcome;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.NewConnection;
import br.com.whatsappoficial.meta.BusinessPhoneNumber;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.WebhookSignature;
import br.com.whatsappoficial.meta.WhatsAppBusinessAccount;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the template tests need of the rest of the product: a store with a connected WABA (recorded
 * through the account module's API, as onboarding does) and Meta's signed webhooks.
 */
public final class TemplateStores {

    static final String APP_SECRET = "sandbox-app-secret";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Connected(StoreId store, String wabaId, String phoneNumberId, String email, String password) {}

    private TemplateStores() {}

    public static Connected connectedStore(StoreDirectory stores, ConnectedAccounts accounts, String label) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = label + "-" + run + "@modelos.example";
        String password = "senha-" + run;
        StoreId store = stores.create("Loja " + label + " " + run, "Marta " + label, email, password);
        String waba = MetaTemplatesStub.id();
        String phone = MetaTemplatesStub.id();
        String digits = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        NewConnection connection = new NewConnection(
                null,
                new WhatsAppBusinessAccount(
                        waba, "Loja " + label, "BRL", null, null, "APPROVED", null, "BR", "CLIENT_OWNED", null, null),
                new BusinessPhoneNumber(
                        phone,
                        "+55 11 91" + digits.substring(0, 3) + "-" + digits.substring(3),
                        "Loja " + label,
                        "VERIFIED",
                        "GREEN",
                        "CONNECTED",
                        "APPROVED",
                        null,
                        null,
                        "CLOUD_API",
                        false,
                        null,
                        "TIER_250",
                        null,
                        null,
                        null,
                        null,
                        null),
                new BusinessToken("EAAT" + run),
                null);
        ConnectOutcome outcome = CurrentStore.callAs(store, () -> accounts.connect(connection));
        if (outcome != ConnectOutcome.CONNECTED) {
            throw new IllegalStateException("could not connect the test WABA: " + outcome);
        }
        return new Connected(store, waba, phone, email, password);
    }

    /** Posts one signed webhook, as Meta does. */
    static int webhook(int port, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/meta"))
                .header("Content-Type", "application/json")
                .header(
                        WebhookSignature.HEADER,
                        WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String statusUpdate(String waba, long time, String templateId, String name, String event, String reason) {
        return envelope(waba, time, "message_template_status_update", """
                {"event":"%s","message_template_id":%s,"message_template_name":"%s",
                 "message_template_language":"pt-BR","reason":"%s"}""".formatted(event, templateId, name, reason));
    }

    static String categoryUpdate(String waba, long time, String templateId, String name, String from, String to) {
        return envelope(waba, time, "template_category_update", """
                {"message_template_id":%s,"message_template_name":"%s","message_template_language":"pt_BR",
                 "previous_category":"%s","new_category":"%s"}""".formatted(templateId, name, from, to));
    }

    /** Meta's advance notice: {@code new_category} is the category today, {@code correct_category} the one to come. */
    static String categoryNotice(String waba, long time, String templateId, String name, String today, String correct) {
        return envelope(waba, time, "template_category_update", """
                {"message_template_id":%s,"message_template_name":"%s","message_template_language":"pt_BR",
                 "correct_category":"%s","new_category":"%s","category_update_timestamp":%d}""".formatted(
                        templateId, name, correct, today, time + 7 * 24 * 3600));
    }

    static String qualityUpdate(String waba, long time, String templateId, String name, String from, String to) {
        return envelope(waba, time, "message_template_quality_update", """
                {"previous_quality_score":"%s","new_quality_score":"%s","message_template_id":%s,
                 "message_template_name":"%s","message_template_language":"pt_BR"}""".formatted(from, to, templateId, name));
    }

    private static String envelope(String waba, long time, String field, String value) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","time":%d,"changes":[
                 {"field":"%s","value":%s}]}]}""".formatted(waba, time, field, value);
    }
}
