package br.com.whatsappoficial.accounttest;

import br.com.whatsappoficial.account.BrazilianPhoneNumber;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * WhatsApp's click-to-chat link to the store's number with the run's code prefilled: opened on any phone
 * (or scanned as a QR code) it starts a chat whose first message is the code.
 */
record WaMeLink(String url) {

    static WaMeLink to(BrazilianPhoneNumber store, InboundCode code) {
        return new WaMeLink("https://wa.me/" + store.e164().substring(1) + "?text="
                + URLEncoder.encode(code.value(), StandardCharsets.UTF_8));
    }
}
