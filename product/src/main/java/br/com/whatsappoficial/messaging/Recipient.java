package br.com.whatsappoficial.messaging;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whom the engine asked to reach: a phone number as people write it (Brazilian unless it says
 * otherwise) or a business-scoped user id.
 *
 * @param input what the engine sent, for its own records
 * @param to the number in E.164 ({@code +5511987654321}) that Meta is called with; null for a user id
 * @param userId the business-scoped user id; null for a number
 */
record Recipient(
        String input,
        Customer customer,
        @Nullable String to,
        @Nullable String userId) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** Meta's business-scoped user ids: a country code, a dot and an opaque id ({@code BR.1234…}). */
    private static final Pattern USER_ID = Pattern.compile("[A-Z]{2}\\.[A-Za-z0-9_-]{1,180}");

    /** Kinds of number WhatsApp accounts live on; toll-free, premium and shared-cost numbers have none. */
    private static final Set<PhoneNumberType> REACHABLE = Set.of(
            PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE,
            PhoneNumberType.FIXED_LINE,
            PhoneNumberType.VOIP,
            PhoneNumberType.PERSONAL_NUMBER);

    /** A number: {@code +55 (11) 98765-4321}, {@code 11987654321}, {@code 5511987654321}, {@code +1 415…}. */
    static Optional<Recipient> ofNumber(String typed) {
        String digits = digitsAndPlus(typed);
        if (digits.isEmpty() || digits.length() > 20) {
            return Optional.empty();
        }
        if (!digits.startsWith("+") && digits.startsWith("55") && digits.length() >= 12) {
            digits = "+" + digits;
        }
        PhoneNumber parsed;
        try {
            parsed = parse(digits);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        Customer customer = Customer.ofWaId(PHONES.format(parsed, PhoneNumberFormat.E164));
        PhoneNumber canonical;
        try {
            canonical = parse("+" + customer.key());
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        if (!PHONES.isValidNumber(canonical) || !REACHABLE.contains(PHONES.getNumberType(canonical))) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(typed, customer, "+" + customer.key(), null));
    }

    /**
     * The number as {@link PhoneNumberUtil#parse} reads it for Brazil. A Brazilian number already in E.164,
     * as a campaign's are, is read directly: the library's general parse (its regular expressions for
     * punctuation, extensions and national prefixes) was a fifth of the time the API spent on a message. A
     * national number beginning with 0 or 90, which Brazil's national and carrier prefixes begin with, still
     * goes through it.
     */
    static PhoneNumber parse(String number) throws NumberParseException {
        if (brazilianE164(number)) {
            return new PhoneNumber().setCountryCode(55).setNationalNumber(Long.parseLong(number.substring(3)));
        }
        return PHONES.parse(number, "BR");
    }

    private static boolean brazilianE164(String number) {
        int length = number.length();
        if ((length != 13 && length != 14) || !number.startsWith("+55")) {
            return false;
        }
        for (int i = 3; i < length; i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return false;
            }
        }
        return number.charAt(3) != '0' && !number.startsWith("90", 3);
    }

    /** The digits and plus signs of what was typed, in order. */
    private static String digitsAndPlus(String typed) {
        StringBuilder kept = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if ((c >= '0' && c <= '9') || c == '+') {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    static Optional<Recipient> ofUserId(String userId) {
        String trimmed = userId.strip();
        return USER_ID.matcher(trimmed).matches()
                ? Optional.of(new Recipient(userId, Customer.ofUserId(trimmed), null, trimmed))
                : Optional.empty();
    }

    /** The same recipient, known from now on by the WhatsApp id a webhook linked to its user id. */
    Recipient linkedTo(Customer byWaId) {
        return new Recipient(input, byWaId, "+" + byWaId.key(), userId);
    }

    /** As the engine and the merchant read it: {@code +55 11 98765-4321}, or the user id. */
    String display() {
        if (to == null) {
            return input;
        }
        try {
            return PHONES.format(PHONES.parse(to, "BR"), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return to;
        }
    }
}
