package br.com.whatsappoficial.meta;

/** Meta's answer to {@code smb_app_data}: the request was queued (the data comes later, by webhook). */
record AppDataSyncRequested(String messagingProduct, String requestId) {}
