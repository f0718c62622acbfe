package br.com.whatsappoficial.webhook;

/** An inbox event that lacks what its field needs: no retry can fix it, so it goes to quarantine. */
class UnreadableEvent extends RuntimeException {

    UnreadableEvent(String reason) {
        super(reason);
    }
}
