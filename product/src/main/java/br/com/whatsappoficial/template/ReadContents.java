package br.com.whatsappoficial.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Template contents already read, by the JSON they were read from. A campaign reads its template's row for
 * every message it queues, and reading the same JSON into the same immutable {@link TemplateContent} each
 * time was most of that read's time. Bounded: past {@link #MOST} distinct contents it starts over.
 */
final class ReadContents {

    static final int MOST = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, TemplateContent> byJson = new ConcurrentHashMap<>();

    TemplateContent of(String json) {
        TemplateContent known = byJson.get(json);
        if (known != null) {
            return known;
        }
        TemplateContent read = JSON.readValue(json, TemplateContent.class);
        if (byJson.size() >= MOST) {
            byJson.clear();
        }
        byJson.put(json, read);
        return read;
    }
}
