package br.com.whatsappoficial.account;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Brazilian (+55) mobile or landline number, the only kind a merchant may connect. Meta's own test
 * numbers and any foreign number are refused. Shown as Brazilians write it: +55 11 91234-5678.
 *
 * <p>WhatsApp ids of Brazilian mobiles may lack the 9th digit that mobiles got in 2012–2016 (wa_id
 * {@code 551187654321} for {@code +55 11 98765-4321}); {@link #fromWaId} restores it.
 *
 * @param e164 {@code +55} followed by the DDD and 8 (landline) or 9 (mobile) digits
 */
public record BrazilianPhoneNumber(String e164) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /**
     * Numbers already parsed, by what was given and by E.164, to their E.164 and display forms: a
     * campaign's sends read their store's number and format it for each message, and parsing it each
     * time was a tenth of a send's CPU. Bounded, so that customers' numbers cannot grow it without end.
     */
    private static final Map<String, String> E164 = new ConcurrentHashMap<>();

    private static final Map<String, String> DISPLAY = new ConcurrentHashMap<>();

    private static final int MAX_KNOWN = 10_000;

    public BrazilianPhoneNumber {
        Objects.requireNonNull(e164, "number");
        String known = E164.get(e164);
        if (known != null) {
            e164 = known;
        } else {
            String given = e164;
            e164 = PHONES.format(parseOrRefuse(given), PhoneNumberFormat.E164);
            remember(E164, given, e164);
        }
    }

    /** Accepts what people type: "+55 (11) 91234-5678", "11 91234-5678", "5511912345678". */
    public static BrazilianPhoneNumber parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidPhoneNumber(InvalidPhoneNumber.Reason.EMPTY);
        }
        String digits = typed.replaceAll("[^0-9+]", "");
        if (!digits.startsWith("+") && digits.startsWith("55") && digits.length() >= 12) {
            digits = "+" + digits;
        }
        return new BrazilianPhoneNumber(digits);
    }

    /** The number behind a Brazilian wa_id, adding back the 9th digit a legacy mobile id lacks. */
    public static BrazilianPhoneNumber fromWaId(String waId) {
        String digits = waId.replaceAll("\\D", "");
        if (digits.startsWith("55") && digits.length() == 12 && "6789".indexOf(digits.charAt(4)) >= 0) {
            digits = digits.substring(0, 4) + "9" + digits.substring(4);
        }
        return new BrazilianPhoneNumber("+" + digits);
    }

    public String ddd() {
        return e164.substring(3, 5);
    }

    public boolean mobile() {
        return e164.length() == 14;
    }

    /** +55 11 91234-5678 */
    public String display() {
        String known = DISPLAY.get(e164);
        if (known != null) {
            return known;
        }
        String display = PHONES.format(parseOrRefuse(e164), PhoneNumberFormat.INTERNATIONAL);
        remember(DISPLAY, e164, display);
        return display;
    }

    private static void remember(Map<String, String> known, String key, String value) {
        if (known.size() < MAX_KNOWN) {
            known.putIfAbsent(key, value);
        }
    }

    /** The wa_ids WhatsApp may use for this number: for mobiles, with and without the 9th digit. */
    public List<String> waIdCandidates() {
        String digits = e164.substring(1);
        return mobile() ? List.of(digits, digits.substring(0, 4) + digits.substring(5)) : List.of(digits);
    }

    @Override
    public String toString() {
        return display();
    }

    private static PhoneNumber parseOrRefuse(String text) {
        PhoneNumber parsed;
        try {
            parsed = PHONES.parse(text, "BR");
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumber(InvalidPhoneNumber.Reason.NOT_A_NUMBER);
        }
        if (parsed.getCountryCode() != 55) {
            throw new InvalidPhoneNumber(InvalidPhoneNumber.Reason.NOT_BRAZILIAN);
        }
        if (!PHONES.isValidNumber(parsed)) {
            throw new InvalidPhoneNumber(InvalidPhoneNumber.Reason.INVALID_FOR_BRAZIL);
        }
        PhoneNumberType type = PHONES.getNumberType(parsed);
        if (type != PhoneNumberType.MOBILE
                && type != PhoneNumberType.FIXED_LINE
                && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            // 0800 and premium numbers cannot receive a verification SMS or call from abroad.
            throw new InvalidPhoneNumber(InvalidPhoneNumber.Reason.NOT_MOBILE_OR_LANDLINE);
        }
        return parsed;
    }
}
