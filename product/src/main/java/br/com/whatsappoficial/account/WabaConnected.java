package br.com.whatsappoficial.account;

import br.com.whatsappoficial.store.StoreId;

/**
 * A store connected a WhatsApp Business Account, or reconnected one whose access Meta had refused:
 * what lives in it at Meta (its message templates, say) can be read now.
 */
public record WabaConnected(StoreId store, String wabaId) {}
