package br.com.metasandbox.state;

/** Formats numbers as Meta shows display_phone_number: "+55 11 98765-4321" for Brazil [contract §3 example]. */
public final class DisplayNumbers {

    private DisplayNumbers() {}

    public static String format(String e164) {
        String digits = e164.substring(1);
        if (digits.startsWith("55") && (digits.length() == 13 || digits.length() == 12)) {
            String ddd = digits.substring(2, 4);
            String local = digits.substring(4);
            int split = local.length() - 4;
            return "+55 " + ddd + " " + local.substring(0, split) + "-" + local.substring(split);
        }
        return e164;
    }
}
