package br.com.whatsappoficial.account;

import br.com.whatsappoficial.store.StoreId;

/** The merchant resumed a paused number: its messages waiting in the outbox may go now. */
public record SendingResumed(StoreId store, String phoneNumberId) {}
