package br.com.metasandbox.state;

import br.com.metasandbox.graph.GraphRefusal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A number's WhatsApp business profile with Meta's field rules (contract §5): every value that exists is
 * valid. Violations are code 100; Meta's exact texts are unverified.
 */
public record WhatsAppBusinessProfile(
        @Nullable String about,
        @Nullable String address,
        @Nullable String description,
        @Nullable String email,
        List<String> websites,
        @Nullable String vertical,
        @Nullable String profilePictureHandle) {

    public static final Set<String> VERTICALS = Set.of(
            "",
            "ALCOHOL",
            "APPAREL",
            "AUTO",
            "BEAUTY",
            "EDU",
            "ENTERTAIN",
            "EVENT_PLAN",
            "FINANCE",
            "GOVT",
            "GROCERY",
            "HEALTH",
            "HOTEL",
            "NONPROFIT",
            "ONLINE_GAMBLING",
            "OTC_DRUGS",
            "OTHER",
            "PHYSICAL_GAMBLING",
            "PROF_SERVICES",
            "RESTAURANT",
            "RETAIL",
            "TRAVEL");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** "No markdown" [doc]: the sandbox refuses WhatsApp's formatting marks around text (unverified). */
    private static final Pattern MARKDOWN = Pattern.compile("([*_~`])\\S(.*\\S)?\\1");

    public static final WhatsAppBusinessProfile EMPTY =
            new WhatsAppBusinessProfile(null, null, null, null, List.of(), null, null);

    public WhatsAppBusinessProfile {
        websites = List.copyOf(websites);
        if (about != null) {
            if (about.isBlank()) {
                throw GraphRefusal.invalidParameter("Param about must be non-empty.");
            }
            maxLength("about", about, 139);
            if (MARKDOWN.matcher(about).find()) {
                throw GraphRefusal.invalidParameter("Param about must not contain markdown.");
            }
        }
        maxLength("address", address, 256);
        maxLength("description", description, 512);
        if (email != null && !email.isEmpty()) {
            maxLength("email", email, 128);
            if (!EMAIL.matcher(email).matches()) {
                throw GraphRefusal.invalidParameter("Param email must be a valid email address.");
            }
        }
        if (websites.size() > 2) {
            throw GraphRefusal.invalidParameter("Param websites must have at most 2 elements.");
        }
        for (String website : websites) {
            maxLength("websites", website, 256);
            if (!website.startsWith("http://") && !website.startsWith("https://")) {
                throw GraphRefusal.invalidParameter("Param websites must begin with http:// or https://.");
            }
        }
        if (vertical != null && !VERTICALS.contains(vertical)) {
            throw GraphRefusal.invalidParameter("Param vertical must be one of "
                    + VERTICALS.stream()
                            .filter(value -> !value.isEmpty())
                            .sorted()
                            .toList() + ".");
        }
    }

    private static void maxLength(String name, @Nullable String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw GraphRefusal.invalidParameter("Param " + name + " must be at most " + max + " characters long.");
        }
    }
}
