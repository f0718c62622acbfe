package br.com.whatsappoficial.webhook;

/** Where an inbox event is in its processing. */
enum InboxState {
    /** Waiting for a worker (again, after a failure, once its next attempt is due). */
    PENDING,
    /** Its WABA or number belongs to no store yet; tried again later, never given to another store. */
    PARKED,
    /** Processed: its domain events are published. */
    DONE,
    /** Cannot be processed without a person: support inspects and replays it. */
    QUARANTINED
}
