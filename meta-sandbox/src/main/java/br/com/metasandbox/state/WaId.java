package br.com.metasandbox.state;

/**
 * The WhatsApp id of a recipient. Meta may change the extra prefix of Brazilian and Mexican numbers
 * [doc, contract §6] without saying how; the sandbox's rule (unverified) follows the accounts created
 * before Brazil's 9th digit: for +55 mobiles with DDD 31 or above the 9th digit is dropped, for DDD
 * 11–28 it is kept.
 */
public record WaId(String value) {

    public WaId {
        if (!value.matches("\\d{8,15}")) {
            throw new IllegalArgumentException("A wa_id has 8 to 15 digits");
        }
    }

    /** From what a client puts in {@code to}: digits with an optional "+", spaces, dashes or parentheses. */
    public static WaId fromRecipient(String input) {
        String trimmed = input.strip();
        if (!trimmed.matches("\\+?[0-9 ()\\-.]+")) {
            throw new IllegalArgumentException("not a phone number");
        }
        String digits = trimmed.replaceAll("\\D", "");
        if (digits.length() < 8 || digits.length() > 15) {
            throw new IllegalArgumentException("not a phone number");
        }
        if (digits.startsWith("55") && digits.length() == 13 && digits.charAt(4) == '9') {
            int ddd = Integer.parseInt(digits.substring(2, 4));
            if (ddd >= 31) {
                return new WaId(digits.substring(0, 4) + digits.substring(5));
            }
        }
        return new WaId(digits);
    }
}
