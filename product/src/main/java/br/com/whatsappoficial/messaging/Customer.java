package br.com.whatsappoficial.messaging;

import java.util.Objects;

/**
 * A customer as windows, the budget and statuses know them: by WhatsApp id when there is one (a
 * Brazilian mobile always with its 9th digit, so {@code 551187654321} from Meta and {@code
 * 5511987654321} from the engine are one customer), otherwise by Meta's business-scoped user id.
 *
 * @param key the WhatsApp id's digits, or {@code user:} and the business-scoped user id
 */
record Customer(String key) {

    private static final String USER = "user:";

    Customer {
        Objects.requireNonNull(key);
    }

    /** The customer behind a WhatsApp id or E.164 number, restoring the 9th digit a legacy Brazilian id lacks. */
    static Customer ofWaId(String waId) {
        String digits = waId.replaceAll("\\D", "");
        if (digits.startsWith("55") && digits.length() == 12 && "6789".indexOf(digits.charAt(4)) >= 0) {
            digits = digits.substring(0, 4) + "9" + digits.substring(4);
        }
        return new Customer(digits);
    }

    static Customer ofUserId(String businessScopedUserId) {
        return new Customer(USER + businessScopedUserId);
    }

    /** As the merchant reads it: {@code +55 11 98765-4321}, or the business-scoped user id. */
    String display() {
        if (knownByUserIdOnly()) {
            return key.substring(USER.length());
        }
        return Recipient.ofNumber("+" + key).map(Recipient::display).orElse("+" + key);
    }

    boolean knownByUserIdOnly() {
        return key.startsWith(USER);
    }
}
