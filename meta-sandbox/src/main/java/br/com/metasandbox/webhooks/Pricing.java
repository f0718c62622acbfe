package br.com.metasandbox.webhooks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A status webhook's {@code pricing} under per-message pricing [doc pricing]: templates are billed in their
 * category ({@code regular}), except a utility template inside an open customer service window, which is free
 * ({@code free_customer_service}); any other message can only go inside the window and is a free
 * {@code service} message.
 */
public record Pricing(boolean billable, String type, String category) {

    public static Pricing service() {
        return new Pricing(false, "free_customer_service", "service");
    }

    /** @param category the template's category, MARKETING, UTILITY or AUTHENTICATION */
    public static Pricing template(String category, boolean insideWindow) {
        String lower = category.toLowerCase(Locale.ROOT);
        if (insideWindow && lower.equals("utility")) {
            return new Pricing(false, "free_customer_service", lower);
        }
        return new Pricing(true, "regular", lower);
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("billable", billable);
        map.put("pricing_model", "PMP");
        map.put("type", type);
        map.put("category", category);
        return map;
    }
}
