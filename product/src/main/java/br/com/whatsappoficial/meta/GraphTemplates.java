package br.com.whatsappoficial.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A WABA's message templates: create, list, edit and delete. Meta caps creations at 100 per WABA per
 * hour and answers more with a throttling error; callers count their own creations before calling.
 */
@Component
public class GraphTemplates {

    /** Far beyond any WABA's templates at 100 a page: a bound against a cursor that never ends. */
    private static final int MAX_PAGES = 100;

    private final GraphHttp graph;

    GraphTemplates(GraphHttp graph) {
        this.graph = graph;
    }

    /** Sends a new template to Meta's review; Meta answers at once with its id and {@code PENDING}. */
    public MessageTemplateCreated create(BusinessToken token, WabaId waba, MessageTemplateRequest template) {
        return graph.call(
                GraphRequest.post("templates.create", "/" + waba + "/message_templates")
                        .json(template)
                        .as(token),
                MessageTemplateCreated.class);
    }

    /**
     * Every template of the WABA, following {@code paging.next} with its {@code after} cursor (never the
     * URL Meta put in the answer, so the token and its proof only go where we send them).
     */
    public List<MessageTemplate> list(BusinessToken token, WabaId waba) {
        List<MessageTemplate> templates = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            MessageTemplatesPage page = graph.call(
                    GraphRequest.get("templates.list", "/" + waba + "/message_templates")
                            .query("fields", MessageTemplate.FIELDS)
                            .query("limit", "100")
                            .query("after", after)
                            .as(token),
                    MessageTemplatesPage.class);
            templates.addAll(page.data());
            after = page.nextCursor();
            if (after == null) {
                break;
            }
        }
        return List.copyOf(templates);
    }

    /**
     * Replaces an existing template's components (and category, when given); Meta reviews it again.
     * Meta limits edits of an approved template (about one a day), refused like any other parameter error.
     */
    public void edit(
            BusinessToken token,
            MessageTemplateId template,
            @Nullable String category,
            List<MessageTemplateComponent> components) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (category != null) {
            body.put("category", category);
        }
        body.put("components", List.copyOf(components));
        graph.call(
                        GraphRequest.post("templates.edit", "/" + template)
                                .json(body)
                                .as(token),
                        Success.class)
                .require("templates.edit");
    }

    /** Deletes every language of the template with this name (Meta deletes by name). */
    public void delete(BusinessToken token, WabaId waba, String name) {
        graph.call(
                        GraphRequest.delete("templates.delete", "/" + waba + "/message_templates")
                                .query("name", name)
                                .as(token),
                        Success.class)
                .require("templates.delete");
    }
}
