package br.com.metasandbox.graph;

import br.com.metasandbox.MetaApp;
import br.com.metasandbox.SandboxSettings;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** A WABA's edges: {@code phone_numbers} and {@code subscribed_apps} (contract §3). */
@RestController
@GraphApi
@RequestMapping(GraphApi.BASE + "/{wabaId}")
class WabaEndpoints {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

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
        List<PhoneNumber> page = page(phones, params);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(
                "data",
                page.stream().map(phone -> fields.phone(phone, selection)).toList());
        if (!page.isEmpty()) {
            Map<String, Object> paging = new LinkedHashMap<>();
            paging.put("cursors", Map.of("before", cursor(page.getFirst()), "after", cursor(page.getLast())));
            // Graph adds previous/next only when there is such a page: their absence is how a client knows.
            int first = phones.indexOf(page.getFirst());
            if (first > 0) {
                paging.put("previous", pageUrl("before", cursor(page.getFirst())));
            }
            if (first + page.size() < phones.size()) {
                paging.put("next", pageUrl("after", cursor(page.getLast())));
            }
            answer.put("paging", paging);
        }
        return answer;
    }

    /** This request's URL with the other page's cursor, as Graph's paging links are. */
    private static String pageUrl(String direction, String cursor) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("after")
                .replaceQueryParam("before")
                .replaceQueryParam(direction, cursor)
                .build()
                .toUriString();
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

    /** Cursors are opaque to clients; the sandbox's encode the phone id (Meta's look like "QVFI…"). */
    private List<PhoneNumber> page(List<PhoneNumber> phones, GraphParams params) {
        int limit = Math.min(params.text("limit").map(WabaEndpoints::limit).orElse(DEFAULT_LIMIT), graph.maxPageSize());
        int from = 0;
        int to = phones.size();
        String after = params.text("after").orElse(null);
        String before = params.text("before").orElse(null);
        if (after != null) {
            from = indexOf(phones, after) + 1;
        } else if (before != null) {
            to = indexOf(phones, before);
            from = Math.max(0, to - limit);
        }
        return List.copyOf(phones.subList(from, Math.min(to, from + limit)));
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > MAX_LIMIT) {
                throw GraphRefusal.invalidParameter("limit must be between 1 and " + MAX_LIMIT + ".");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw GraphRefusal.invalidParameter("limit must be a number.");
        }
    }

    private static int indexOf(List<PhoneNumber> phones, String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphRefusal.invalidParameter("Invalid cursor.");
        }
        for (int i = 0; i < phones.size(); i++) {
            if (phones.get(i).id().equals(id)) {
                return i;
            }
        }
        throw GraphRefusal.invalidParameter("Invalid cursor.");
    }

    private static String cursor(PhoneNumber phone) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(phone.id().getBytes(StandardCharsets.UTF_8));
    }
}
