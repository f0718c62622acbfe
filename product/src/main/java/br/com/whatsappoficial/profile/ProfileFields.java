package br.com.whatsappoficial.profile;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The text of the business profile customers see, within Meta's limits: every value that exists is valid.
 * Empty fields are null; lengths count characters as Meta does (code points).
 */
record ProfileFields(
        @Nullable String about,
        @Nullable String description,
        @Nullable String address,
        @Nullable String email,
        List<String> websites,
        @Nullable Vertical vertical) {

    static final int ABOUT = 139;
    static final int DESCRIPTION = 512;
    static final int ADDRESS = 256;
    static final int EMAIL = 128;
    static final int WEBSITE = 256;

    static final ProfileFields EMPTY = new ProfileFields(null, null, null, null, List.of(), null);

    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    ProfileFields {
        websites = List.copyOf(websites);
        Map<String, String> problems = problems(about, description, address, email, websites);
        if (!problems.isEmpty()) {
            throw new ProfileFieldsRefused(problems);
        }
    }

    /**
     * The fields as the merchant typed them, trimmed.
     *
     * @throws ProfileFieldsRefused with a message key per field that breaks Meta's rules
     */
    static ProfileFields typed(
            @Nullable String about,
            @Nullable String description,
            @Nullable String address,
            @Nullable String email,
            @Nullable String website1,
            @Nullable String website2,
            @Nullable String vertical) {
        List<String> websites = new ArrayList<>();
        for (String website : new String[] {website1, website2}) {
            String value = blankToNull(website);
            if (value != null) {
                websites.add(value);
            }
        }
        Map<String, String> problems = problems(
                blankToNull(about), blankToNull(description), blankToNull(address), blankToNull(email), websites);
        Vertical category = null;
        if (blankToNull(vertical) != null) {
            try {
                category = Vertical.valueOf(vertical.strip());
            } catch (IllegalArgumentException unknown) {
                problems.put("vertical", "profile.vertical.invalid");
            }
        }
        if (!problems.isEmpty()) {
            throw new ProfileFieldsRefused(problems);
        }
        return new ProfileFields(
                blankToNull(about),
                blankToNull(description),
                blankToNull(address),
                blankToNull(email),
                websites,
                category);
    }

    @Nullable
    String website(int index) {
        return websites.size() > index ? websites.get(index) : null;
    }

    private static Map<String, String> problems(
            @Nullable String about,
            @Nullable String description,
            @Nullable String address,
            @Nullable String email,
            List<String> websites) {
        Map<String, String> problems = new LinkedHashMap<>();
        tooLong(problems, "about", about, ABOUT);
        tooLong(problems, "description", description, DESCRIPTION);
        tooLong(problems, "address", address, ADDRESS);
        tooLong(problems, "email", email, EMAIL);
        if (email != null
                && !problems.containsKey("email")
                && !EMAIL_SHAPE.matcher(email).matches()) {
            problems.put("email", "profile.email.invalid");
        }
        if (websites.size() > 2) {
            problems.put("website2", "profile.websites.too-many");
        }
        for (int i = 0; i < websites.size(); i++) {
            String field = "website" + (i + 1);
            tooLong(problems, field, websites.get(i), WEBSITE);
            if (!problems.containsKey(field) && !secureLink(websites.get(i))) {
                problems.put(field, "profile.website.invalid");
            }
        }
        return problems;
    }

    private static void tooLong(Map<String, String> problems, String field, @Nullable String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.put(field, "profile." + field.replaceAll("\\d", "") + ".too-long");
        }
    }

    /** Customers open these links from the profile: only https addresses with a host. */
    private static boolean secureLink(String website) {
        try {
            URI uri = new URI(website);
            return "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getHost() != null
                    && uri.getHost().contains(".");
        } catch (java.net.URISyntaxException malformed) {
            return false;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Whether Meta's copy says the same as ours (Meta leaves out empty fields and may add a trailing slash).
     * Without an about line of ours any of Meta's matches: Meta refuses to clear it.
     */
    boolean sameAs(
            @Nullable String about,
            @Nullable String description,
            @Nullable String address,
            @Nullable String email,
            @Nullable List<String> websites,
            @Nullable String vertical) {
        return (this.about == null || this.about.equals(blankToNull(about)))
                && Objects.equals(this.description, blankToNull(description))
                && Objects.equals(this.address, blankToNull(address))
                && Objects.equals(this.email, blankToNull(email))
                && Objects.equals(normalised(this.websites), normalised(websites == null ? List.of() : websites))
                && Objects.equals(this.vertical == null ? null : this.vertical.name(), blankToNull(vertical));
    }

    private static List<String> normalised(List<String> websites) {
        return websites.stream()
                .map(site -> site.endsWith("/") ? site.substring(0, site.length() - 1) : site)
                .toList();
    }
}
