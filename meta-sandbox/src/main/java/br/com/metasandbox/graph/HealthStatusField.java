package br.com.metasandbox.graph;

import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code health_status} of a phone number or a WABA (contract §4, Meta's health-status page): one entry
 * per entity (PHONE_NUMBER when asked of a number, WABA, BUSINESS, APP) and an overall value that is
 * BLOCKED if any entity is blocked, else LIMITED if any is limited, else AVAILABLE. Which states the
 * sandbox maps to LIMITED/BLOCKED, and the error codes it attaches, are its own choices (unverified).
 */
final class HealthStatusField {

    static final String NAME_PENDING = "Your display name has not been approved yet. Your message limit will"
            + " increase after the display name is approved.";

    private HealthStatusField() {}

    static Map<String, Object> of(@Nullable PhoneNumber phone, WhatsAppBusinessAccount waba, String appId) {
        List<Map<String, Object>> entities = new ArrayList<>();
        if (phone != null) {
            entities.add(phoneEntity(phone));
        }
        entities.add(wabaEntity(waba));
        entities.add(entity("BUSINESS", waba.businessId(), "AVAILABLE"));
        entities.add(entity("APP", appId, "AVAILABLE"));
        String overall = "AVAILABLE";
        for (Map<String, Object> entity : entities) {
            Object value = entity.get("can_send_message");
            if ("BLOCKED".equals(value)) {
                overall = "BLOCKED";
            } else if ("LIMITED".equals(value) && !"BLOCKED".equals(overall)) {
                overall = "LIMITED";
            }
        }
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("can_send_message", overall);
        health.put("entities", entities);
        return health;
    }

    private static Map<String, Object> phoneEntity(PhoneNumber phone) {
        if (!phone.connected()) {
            return blocked(
                    entity("PHONE_NUMBER", phone.id(), "BLOCKED"),
                    133010,
                    "Phone number not registered on the WhatsApp Business Platform.",
                    "Register the phone number.");
        }
        if ("DECLINED".equals(phone.nameStatus())) {
            Map<String, Object> entity = entity("PHONE_NUMBER", phone.id(), "LIMITED");
            entity.put("additional_info", List.of("Your display name was not approved. Request a new display name."));
            return entity;
        }
        if (!phone.nameApproved()) {
            Map<String, Object> entity = entity("PHONE_NUMBER", phone.id(), "LIMITED");
            entity.put("additional_info", List.of(NAME_PENDING));
            return entity;
        }
        return entity("PHONE_NUMBER", phone.id(), "AVAILABLE");
    }

    private static Map<String, Object> wabaEntity(WhatsAppBusinessAccount waba) {
        if (waba.disabled()) {
            return blocked(
                    entity("WABA", waba.id(), "BLOCKED"),
                    131031,
                    "The WhatsApp Business Account was disabled for violating WhatsApp's policies.",
                    "Request a review of the decision in Business Support Home.");
        }
        if ("REJECTED".equals(waba.accountReviewStatus())) {
            return blocked(
                    entity("WABA", waba.id(), "BLOCKED"),
                    131031,
                    "The WhatsApp Business Account did not pass review.",
                    "Review the account's information and request a new review.");
        }
        return entity("WABA", waba.id(), "AVAILABLE");
    }

    private static Map<String, Object> blocked(
            Map<String, Object> entity, int code, String description, String solution) {
        entity.put(
                "errors",
                List.of(Map.of("error_code", code, "error_description", description, "possible_solution", solution)));
        return entity;
    }

    private static Map<String, Object> entity(String type, String id, String canSend) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("entity_type", type);
        entity.put("id", id);
        entity.put("can_send_message", canSend);
        return entity;
    }
}
