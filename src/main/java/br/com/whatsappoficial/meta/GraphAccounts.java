package br.com.whatsappoficial.meta;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A customer's WhatsApp Business Account: its fields, numbers and webhook subscription (META-CONTRACT §3). */
@Component
public class GraphAccounts {

    private final GraphHttp graph;

    GraphAccounts(GraphHttp graph) {
        this.graph = graph;
    }

    public WhatsAppBusinessAccount account(BusinessToken token, String wabaId) {
        return graph.call(
                GraphRequest.get("waba.get", "/" + wabaId)
                        .query("fields", WhatsAppBusinessAccount.FIELDS)
                        .as(token),
                WhatsAppBusinessAccount.class);
    }

    /** The WABA's numbers, newest first; a WABA holds a handful, so one page of 100 is all of them. */
    public PhoneNumbersPage phoneNumbers(BusinessToken token, String wabaId) {
        return graph.call(
                GraphRequest.get("waba.phone_numbers", "/" + wabaId + "/phone_numbers")
                        .query("fields", BusinessPhoneNumber.FIELDS)
                        .query("sort", "creation_time.desc")
                        .query("limit", "100")
                        .as(token),
                PhoneNumbersPage.class);
    }

    /** Subscribes our app to the WABA's webhooks; Meta requires it per WABA, before any override. */
    public void subscribeApp(BusinessToken token, String wabaId) {
        graph.call(
                        GraphRequest.post("waba.subscribed_apps", "/" + wabaId + "/subscribed_apps")
                                .as(token),
                        Success.class)
                .require("waba.subscribed_apps");
    }

    /** Sends this WABA's messages webhooks to another callback (≤ 200 characters); the app must be subscribed. */
    public void overrideCallback(BusinessToken token, String wabaId, URI callback, String verifyToken) {
        graph.call(
                        GraphRequest.post("waba.subscribed_apps", "/" + wabaId + "/subscribed_apps")
                                .json(Map.of("override_callback_uri", callback.toString(), "verify_token", verifyToken))
                                .as(token),
                        Success.class)
                .require("waba.subscribed_apps");
    }

    public List<SubscribedApp> subscribedApps(BusinessToken token, String wabaId) {
        return graph.call(
                        GraphRequest.get("waba.subscribed_apps", "/" + wabaId + "/subscribed_apps")
                                .as(token),
                        SubscribedApps.class)
                .data();
    }

    public void unsubscribeApp(BusinessToken token, String wabaId) {
        graph.call(
                        GraphRequest.delete("waba.subscribed_apps", "/" + wabaId + "/subscribed_apps")
                                .as(token),
                        Success.class)
                .require("waba.subscribed_apps");
    }

    record SubscribedApps(List<SubscribedApp> data) {
        SubscribedApps {
            data = data == null ? List.of() : List.copyOf(data);
        }
    }
}
