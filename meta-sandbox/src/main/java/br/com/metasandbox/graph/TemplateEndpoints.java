package br.com.metasandbox.graph;

import br.com.metasandbox.SandboxSettings;
import br.com.metasandbox.state.MessageTemplate;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import java.util.ArrayList;
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
        return CursorPages.answer(
                all, MessageTemplate::id, template -> fields(template, selection), params, graph.maxPageSize());
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
}
