package br.com.whatsappoficial.webhook;

/** A correctly signed body that is not Meta's webhook envelope: a retry of it cannot do better. */
class MalformedWebhook extends Exception {

    MalformedWebhook(String reason, Throwable cause) {
        super(reason, cause);
    }

    MalformedWebhook(String reason) {
        super(reason);
    }
}
