package br.com.whatsappoficial.template;

/** The store has no connected WhatsApp Business Account whose access Meta still accepts: templates live in one. */
public class NoWabaForTemplates extends RuntimeException {

    NoWabaForTemplates() {
        super("the store has no connected WABA with a usable token", null, false, false);
    }
}
