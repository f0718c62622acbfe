package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code smb_app_state_sync}: contacts of a coexistence number's WhatsApp Business app, sent once
 * when their sync is asked for and again whenever the merchant adds, edits or removes one in the app.
 */
public record AppContactsSynced(StoreId store, String phoneNumberId, List<Contact> contacts) {

    public AppContactsSynced {
        contacts = List.copyOf(contacts);
    }

    /**
     * One contact as the app's address book has it.
     *
     * @param phoneNumber the contact's WhatsApp number, digits as Meta sends them
     * @param fullName absent when the contact was removed
     * @param removed {@code action: remove}; {@code add} covers added and edited contacts
     * @param at when Meta sent it
     */
    public record Contact(
            String phoneNumber,
            @Nullable String fullName,
            boolean removed,
            @Nullable Instant at) {}
}
