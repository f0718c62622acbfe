package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import java.util.List;

/**
 * Customers stopped or resumed a store's marketing messages in WhatsApp (Meta's {@code user_preferences}
 * webhook), exactly as Meta reported it.
 *
 * @param phoneNumberId the store's number they stopped or resumed
 */
public record MarketingPreferencesChanged(StoreId store, String phoneNumberId, List<Preference> preferences) {

    public MarketingPreferencesChanged {
        preferences = List.copyOf(preferences);
    }

    /**
     * One customer's choice.
     *
     * @param waId the customer's WhatsApp id
     * @param category what the choice is about; {@code marketing_messages} is the only one Meta sends today
     * @param value {@code stop} or {@code resume}, lower case, or a value Meta adds later
     * @param at when the customer chose it
     */
    public record Preference(String waId, String category, String value, Instant at) {

        public boolean stop() {
            return "stop".equals(value);
        }

        public boolean resume() {
            return "resume".equals(value);
        }
    }
}
