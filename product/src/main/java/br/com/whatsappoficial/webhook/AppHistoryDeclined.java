package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;

/**
 * The merchant turned chat history sharing off in the WhatsApp Business app: Meta answers the history sync
 * with error 2593109 instead of chats. The number stays connected; only the history is not shared.
 */
public record AppHistoryDeclined(StoreId store, String phoneNumberId, int code, String title) {

    /** Meta's code for "history sync is turned off by the business". */
    public static final int NOT_SHARED = 2593109;
}
