package br.com.metasandbox.graph;

import br.com.metasandbox.MetaApp;
import br.com.metasandbox.SandboxSettings;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A WABA's edges: {@code phone_numbers} and {@code subscribed_apps} (contract §3). */
@RestController
@GraphApi
@RequestMapping(GraphApi.BASE + "/{wabaId}")
class WabaEndpoints {

    private final GraphObjects objects;
    private final GraphAuth auth;
    private final Faults faults;
    private final NodeFields fields;
    private final SandboxAccounts accounts;
    private final MetaApp settings;
    private final SandboxSettings.Graph graph;

    WabaEndpoints(
            GraphObjects objects,
            GraphAuth auth,
            Faults faults,
            NodeFields fields,
            SandboxAccounts accounts,
            MetaApp settings,
            SandboxSettings sandboxSettings) {
        this.graph = sandboxSettings.graph();
        this.objects = objects;
        this.auth = auth;
        this.faults = faults;
        this.fields = fields;
        this.accounts = accounts;
        this.settings = settings;
    }

    /** Numbers of the WABA with {@code fields}, {@code filtering}, {@code sort}, {@code limit} and cursors. */
    @GetMapping("/phone_numbers")
    Map<String, Object> phoneNumbers(@PathVariable String wabaId, GraphParams params) {
        faults.inject(GraphOperation.WABA_PHONE_NUMBERS);
        WhatsAppBusinessAccount waba = objects.waba(auth.authenticate(params), wabaId, "GET");
        FieldSelection selection = FieldSelection.of(
                params, NodeFields.PHONE_EDGE_DEFAULT, NodeFields.PHONE_FIELDS, "WhatsAppBusinessPhoneNumber");
        List<PhoneNumber> phones = new ArrayList<>(accounts.phonesOf(waba.id()));
        params.node("filtering").ifPresent(filters -> filter(phones, filters));
        sort(phones, params.text("sort").orElse("creation_time.desc"));
        return CursorPages.answer(
                phones, PhoneNumber::id, phone -> fields.phone(phone, selection), params, graph.maxPageSize());
    }

    @GetMapping("/subscribed_apps")
    Map<String, Object> subscribedApps(@PathVariable String wabaId, GraphParams params) {
        faults.inject(GraphOperation.WABA_SUBSCRIBED_APPS);
        WhatsAppBusinessAccount waba = objects.waba(auth.authenticate(params), wabaId, "GET");
        if (!waba.appSubscribed()) {
            return Map.of("data", List.of());
        }
        Map<String, Object> app = new LinkedHashMap<>();
        app.put(
                "whatsapp_business_api_data",
                Map.of(
                        "id",
                        settings.appId(),
                        "link",
                        "https://www.facebook.com/games/?app_id=" + settings.appId(),
                        "name",
                        OAuthEndpoints.APPLICATION_NAME));
        if (waba.overrideCallbackUri() != null) {
            app.put("override_callback_uri", waba.overrideCallbackUri());
        }
        return Map.of("data", List.of(app));
    }

    /**
     * Without parameters subscribes the app (and removes any override); with {@code override_callback_uri}
     * and {@code verify_token} sets the WABA's alternate callback for messages webhooks, which Meta refuses
     * until the app is subscribed. Meta then checks the URL with a hub.challenge GET (unverified); the
     * sandbox accepts it as given until its webhook sender exists.
     */
    @PostMapping("/subscribed_apps")
    Map<String, Object> subscribe(@PathVariable String wabaId, GraphParams params) {
        faults.inject(GraphOperation.WABA_SUBSCRIBED_APPS);
        WhatsAppBusinessAccount waba = objects.waba(auth.authenticate(params), wabaId, "POST");
        String uri = params.text("override_callback_uri").orElse(null);
        String verifyToken = params.text("verify_token").orElse(null);
        if (uri == null && verifyToken == null) {
            accounts.setSubscription(waba.id(), true, null, null);
            return Map.of("success", true);
        }
        if (!waba.appSubscribed()) {
            // Text from a third party (contract §3).
            throw GraphRefusal.param("Before override the current callback uri, your app must be subscribed to receive"
                    + " messages for WhatsApp Business Account.");
        }
        if (uri == null || verifyToken == null || verifyToken.isBlank()) {
            throw GraphRefusal.param(
                    "The parameter " + (uri == null ? "override_callback_uri" : "verify_token") + " is required.");
        }
        requireCallbackUri(uri);
        accounts.setSubscription(waba.id(), true, uri, verifyToken);
        return Map.of("success", true);
    }

    @DeleteMapping("/subscribed_apps")
    Map<String, Object> unsubscribe(@PathVariable String wabaId, GraphParams params) {
        faults.inject(GraphOperation.WABA_SUBSCRIBED_APPS);
        WhatsAppBusinessAccount waba = objects.waba(auth.authenticate(params), wabaId, "DELETE");
        accounts.setSubscription(waba.id(), false, null, null);
        return Map.of("success", true);
    }

    /** Callback URLs are at most 200 characters [doc]; HTTPS as Meta requires of webhook endpoints. */
    static void requireCallbackUri(String uri) {
        if (uri.length() > 200) {
            throw GraphRefusal.invalidParameter("override_callback_uri must be at most 200 characters long.");
        }
        try {
            URI parsed = new URI(uri);
            if (!"https".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null) {
                throw GraphRefusal.invalidParameter("override_callback_uri must be an https URL.");
            }
        } catch (URISyntaxException e) {
            throw GraphRefusal.invalidParameter("override_callback_uri must be an https URL.");
        }
    }

    /** Supports {@code [{"field":…,"operator":"EQUAL","value":…}]} on the number's plain fields. */
    private static void filter(List<PhoneNumber> phones, JsonNode filters) {
        if (!filters.isArray()) {
            throw GraphRefusal.invalidParameter("filtering must be a JSON array.");
        }
        for (JsonNode filter : filters) {
            String field = filter.path("field").asString("");
            String operator = filter.path("operator").asString("");
            String value = filter.path("value").asString("");
            if (!"EQUAL".equals(operator)) {
                throw GraphRefusal.invalidParameter("Unsupported filtering operator " + operator + ".");
            }
            phones.removeIf(phone -> !value.equals(plainField(phone, field)));
        }
    }

    private static String plainField(PhoneNumber phone, String field) {
        return switch (field) {
            case "account_mode" -> phone.accountMode();
            case "status" -> phone.status();
            case "code_verification_status" -> phone.codeVerificationStatus();
            case "name_status" -> phone.nameStatus();
            case "platform_type" -> phone.platformType();
            default -> throw GraphRefusal.invalidParameter("Unsupported filtering field " + field + ".");
        };
    }

    private static void sort(List<PhoneNumber> phones, String sort) {
        Comparator<PhoneNumber> order = switch (sort) {
            case "creation_time.desc" ->
                Comparator.comparing(PhoneNumber::createdAt).reversed();
            case "creation_time.asc" -> Comparator.comparing(PhoneNumber::createdAt);
            case "last_onboarded_time.desc" ->
                Comparator.comparing((PhoneNumber phone) ->
                                Objects.requireNonNullElse(phone.lastOnboardedAt(), phone.createdAt()))
                        .reversed();
            default -> throw GraphRefusal.invalidParameter("Unsupported sort " + sort + ".");
        };
        phones.sort(order.thenComparing(PhoneNumber::id));
    }
}
