package br.com.metasandbox.graph;

import br.com.metasandbox.SandboxSettings;
import br.com.metasandbox.state.MessageTemplate;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** A WABA's {@code message_templates} edge: create, list with cursors, delete by name (contract §10). */
@RestController
@GraphApi
@RequestMapping(GraphApi.BASE + "/{wabaId}/message_templates")
class TemplateEndpoints {

    /** What Graph answers without {@code fields} (the exact default set is unverified). */
    static final List<String> DEFAULT_FIELDS =
            List.of("name", "parameter_format", "components", "language", "status", "category", "id");

    static final Set<String> FIELDS = Set.of(
            "id",
            "name",
            "status",
            "category",
            "language",
            "parameter_format",
            "components",
            "quality_score",
            "rejected_reason",
            "previous_category");

    private final GraphObjects objects;
    private final GraphAuth auth;
    private final Faults faults;
    private final TemplateReviews reviews;
    private final SandboxSettings.Graph graph;
    private final JsonMapper json;

    TemplateEndpoints(
            GraphObjects objects,
            GraphAuth auth,
            Faults faults,
            TemplateReviews reviews,
            SandboxSettings settings,
            JsonMapper json) {
        this.objects = objects;
        this.auth = auth;
        this.faults = faults;
        this.reviews = reviews;
        this.graph = settings.graph();
        this.json = json;
    }

    /** Sends a template to review: {@code {id, status: "PENDING", category}} [doc]. */
    @PostMapping
    Map<String, Object> create(@PathVariable String wabaId, GraphParams params) {
        faults.inject(GraphOperation.TEMPLATES_CREATE);
        WhatsAppBusinessAccount waba = objects.waba(auth.authenticate(params), wabaId, "POST");
        MessageTemplate template = reviews.create(waba, params);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", template.id());
        answer.put("status", template.status());
        answer.put("category", template.category());
        return answer;
    }

    @GetMapping
    Map<String, Object> list(@PathVariable String wabaId, GraphParams params) {
        faults.inject(GraphOperation.TEMPLATES_LIST);
        WhatsAppBusinessAccount waba = objects.waba(auth.authenticate(params), wabaId, "GET");
        FieldSelection selection = FieldSelection.of(params, DEFAULT_FIELDS, FIELDS, "WhatsAppBusinessHSM");
        List<MessageTemplate> all = new ArrayList<>(reviews.templatesOf(waba.id()));
        params.text("name")
                .ifPresent(name -> all.removeIf(template -> !template.name().contains(name)));
        params.text("status")
                .ifPresent(status -> all.removeIf(template -> !template.status().equals(status)));
        List<MessageTemplate> page = page(all, params);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(
                "data",
                page.stream().map(template -> fields(template, selection)).toList());
        if (!page.isEmpty()) {
            Map<String, Object> paging = new LinkedHashMap<>();
            paging.put("cursors", Map.of("before", cursor(page.getFirst()), "after", cursor(page.getLast())));
            int first = all.indexOf(page.getFirst());
            if (first > 0) {
                paging.put("previous", pageUrl("before", cursor(page.getFirst())));
            }
            if (first + page.size() < all.size()) {
                paging.put("next", pageUrl("after", cursor(page.getLast())));
            }
            answer.put("paging", paging);
        }
        return answer;
    }

    /** Deletes every language of {@code name}: {@code {success: true}} [doc]. */
    @DeleteMapping
    Map<String, Object> delete(@PathVariable String wabaId, GraphParams params) {
        faults.inject(GraphOperation.TEMPLATES_DELETE);
        WhatsAppBusinessAccount waba = objects.waba(auth.authenticate(params), wabaId, "DELETE");
        reviews.delete(waba, params.requiredText("name"));
        return Map.of("success", true);
    }

    Map<String, Object> fields(MessageTemplate template, FieldSelection selection) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String field : selection.names()) {
            switch (field) {
                case "id" -> data.put("id", template.id());
                case "name" -> data.put("name", template.name());
                case "status" -> data.put("status", template.status());
                case "category" -> data.put("category", template.category());
                case "language" -> data.put("language", template.language());
                case "parameter_format" -> {
                    if (template.parameterFormat() != null) {
                        data.put("parameter_format", template.parameterFormat());
                    }
                }
                case "components" -> data.put("components", json.readTree(template.components()));
                case "quality_score" -> data.put("quality_score", Map.of("score", template.qualityScore()));
                case "rejected_reason" -> data.put("rejected_reason", template.rejectedReason());
                default -> {
                    // a known field the sandbox keeps no value of: Graph leaves it out
                }
            }
        }
        return data;
    }

    private List<MessageTemplate> page(List<MessageTemplate> all, GraphParams params) {
        int limit = Math.min(
                params.text("limit").map(TemplateEndpoints::limit).orElse(WabaEndpoints.DEFAULT_LIMIT),
                graph.maxPageSize());
        int from = 0;
        int to = all.size();
        String after = params.text("after").orElse(null);
        String before = params.text("before").orElse(null);
        if (after != null) {
            from = indexOf(all, after) + 1;
        } else if (before != null) {
            to = indexOf(all, before);
            from = Math.max(0, to - limit);
        }
        return List.copyOf(all.subList(from, Math.min(to, from + limit)));
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > WabaEndpoints.MAX_LIMIT) {
                throw GraphRefusal.invalidParameter("limit must be between 1 and " + WabaEndpoints.MAX_LIMIT + ".");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw GraphRefusal.invalidParameter("limit must be a number.");
        }
    }

    private static int indexOf(List<MessageTemplate> all, String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphRefusal.invalidParameter("Invalid cursor.");
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        throw GraphRefusal.invalidParameter("Invalid cursor.");
    }

    private static String cursor(MessageTemplate template) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(template.id().getBytes(StandardCharsets.UTF_8));
    }

    private static String pageUrl(String direction, String cursor) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("after")
                .replaceQueryParam("before")
                .replaceQueryParam(direction, cursor)
                .build()
                .toUriString();
    }
}
