package br.com.whatsappoficial.messaging;

/** Our side of the call to Meta, which the engine's status does not show on its own. */
enum Sending {
    /** Waiting in the outbox for a worker (or for its next attempt after a transient error). */
    QUEUED,
    /** Meta answered with its message id: from now on Meta's statuses tell the story. */
    ACCEPTED,
    /**
     * Meta did not answer in time: the message may have gone out, so it is never sent again; Meta's
     * status webhook (which carries our id) settles it.
     */
    UNKNOWN,
    /** Meta refused it, or it could not be sent at all: it failed before Meta accepted it. */
    REFUSED
}
