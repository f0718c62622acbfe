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
        String digits = typed.replaceAll("[^0-9+]", "");
        if (digits.isEmpty() || digits.length() > 20) {
            return Optional.empty();
        }
        if (!digits.startsWith("+") && digits.startsWith("55") && digits.length() >= 12) {
            digits = "+" + digits;
        }
        PhoneNumber parsed;
        try {
            parsed = PHONES.parse(digits, "BR");
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        Customer customer = Customer.ofWaId(PHONES.format(parsed, PhoneNumberFormat.E164));
        PhoneNumber canonical;
        try {
            canonical = PHONES.parse("+" + customer.key(), "BR");
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        if (!PHONES.isValidNumber(canonical) || !REACHABLE.contains(PHONES.getNumberType(canonical))) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(typed, customer, "+" + customer.key(), null));
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
