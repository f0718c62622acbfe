package br.com.whatsappoficial.meta;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A customer's WhatsApp Business Account: its fields, numbers and webhook subscription (META-CONTRACT §3). */
@Component
public class GraphAccounts {

    /** Far beyond any WABA's numbers: a bound against a cursor that never ends. */
    private static final int MAX_PAGES = 50;

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

    /**
     * Every number of the WABA, newest first, following {@code paging.next} while Meta gives one (Meta may
     * answer fewer than {@code limit}). The next page is asked with its {@code after} cursor rather than
     * by calling the URL Meta put in the answer, so the token and its proof only go where we send them.
     */
    public PhoneNumbersPage phoneNumbers(BusinessToken token, String wabaId) {
        List<BusinessPhoneNumber> numbers = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            PhoneNumbersPage page = graph.call(
                    GraphRequest.get("waba.phone_numbers", "/" + wabaId + "/phone_numbers")
                            .query("fields", BusinessPhoneNumber.FIELDS)
                            .query("sort", "creation_time.desc")
                            .query("limit", "100")
                            .query("after", after)
                            .as(token),
                    PhoneNumbersPage.class);
            numbers.addAll(page.data());
            after = page.nextCursor();
            if (after == null) {
                break;
            }
        }
        return new PhoneNumbersPage(numbers, null);
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
