package br.com.whatsappoficial.template;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What Meta refuses in a new template, checked before it is sent: a refusal costs one of the WABA's
 * 100 creations an hour and a round of review, and Meta's own message is in English.
 */
final class TemplateRules {

    static final int BODY_MAX = 1024;
    static final int HEADER_MAX = 60;
    static final int FOOTER_MAX = 60;
    static final int BUTTON_TEXT_MAX = 25;
    static final int BUTTONS_MAX = 10;
    static final int URL_BUTTONS_MAX = 2;
    static final int PHONE_BUTTONS_MAX = 1;
    static final int URL_MAX = 2000;
    static final int EXAMPLE_MAX = 200;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private TemplateRules() {}

    static List<TemplateProblem> check(NewTemplate template) {
        List<TemplateProblem> problems = new ArrayList<>();
        name(template.name(), problems);
        language(template.language(), problems);
        if (template.category() == TemplateCategory.AUTHENTICATION) {
            // Meta builds authentication templates from a fixed text and a code button, not from free text.
            problems.add(TemplateProblem.of("category.authentication"));
        }
        List<String> headerVariables = header(template, problems);
        List<String> bodyVariables = body(template.body(), problems);
        format(headerVariables, bodyVariables, problems);
        examples(template, headerVariables, bodyVariables, problems);
        footer(template.footer(), problems);
        buttons(template.buttons(), problems);
        return List.copyOf(problems);
    }

    /** The format the variables use; positional when there are none. */
    static ParameterFormat formatOf(NewTemplate template) {
        List<String> all = new ArrayList<>(TemplateVariables.of(template.header() == null ? "" : template.header()));
        all.addAll(TemplateVariables.of(template.body()));
        return all.stream()
                        .anyMatch(name ->
                                !TemplateVariables.POSITIONAL.matcher(name).matches())
                ? ParameterFormat.NAMED
                : ParameterFormat.POSITIONAL;
    }

    private static void name(String name, List<TemplateProblem> problems) {
        if (name.isEmpty()) {
            problems.add(TemplateProblem.of("name.blank"));
        } else if (name.length() > TemplateName.MAX_LENGTH) {
            problems.add(TemplateProblem.of("name.length", TemplateName.MAX_LENGTH));
        } else if (!TemplateName.valid(name)) {
            problems.add(TemplateProblem.of("name.format"));
        }
    }

    private static void language(String language, List<TemplateProblem> problems) {
        try {
            new TemplateLanguage(language);
        } catch (TemplateRefused refused) {
            problems.addAll(refused.problems());
        }
    }

    private static List<String> header(NewTemplate template, List<TemplateProblem> problems) {
        media(template, problems);
        String header = template.header();
        if (header == null) {
            return List.of();
        }
        if (header.length() > HEADER_MAX) {
            problems.add(TemplateProblem.of("header.length", header.length(), HEADER_MAX));
        }
        if (header.contains("\n")) {
            problems.add(TemplateProblem.of("header.newline"));
        }
        List<String> variables = TemplateVariables.of(header);
        if (variables.size() > 1) {
            problems.add(TemplateProblem.of("header.variables"));
        }
        return variables;
    }

    /** Meta reviews an image header with an example image: PNG or JPEG, at most 5 MB. */
    private static void media(NewTemplate template, List<TemplateProblem> problems) {
        MediaSample sample = template.sample();
        if (sample != null) {
            if (sample.size() == 0) {
                problems.add(TemplateProblem.of("header.image-missing"));
            } else if (sample.imageType().isEmpty()) {
                problems.add(TemplateProblem.of("header.image-type", sample.fileName()));
            } else if (sample.size() > MediaSample.IMAGE_MAX_BYTES) {
                problems.add(TemplateProblem.of("header.image-size", MediaSample.IMAGE_MAX_BYTES / (1024 * 1024)));
            }
        } else if (template.mediaHeader() != null
                && template.mediaHeader().handle().isEmpty()) {
            problems.add(TemplateProblem.of("header.image-missing"));
        }
    }

    private static List<String> body(String body, List<TemplateProblem> problems) {
        if (body.isEmpty()) {
            problems.add(TemplateProblem.of("body.blank"));
            return List.of();
        }
        if (body.length() > BODY_MAX) {
            problems.add(TemplateProblem.of("body.length", body.length(), BODY_MAX));
        }
        if (TemplateVariables.startsWithVariable(body)) {
            problems.add(TemplateProblem.of("body.starts-with-variable"));
        }
        if (TemplateVariables.endsWithVariable(body)) {
            problems.add(TemplateProblem.of("body.ends-with-variable"));
        }
        return TemplateVariables.of(body);
    }

    private static void format(List<String> header, List<String> body, List<TemplateProblem> problems) {
        List<String> all = new ArrayList<>(header);
        all.addAll(body);
        boolean positional = all.stream().anyMatch(TemplateVariables.POSITIONAL.asMatchPredicate());
        boolean named = all.stream()
                .anyMatch(name -> !TemplateVariables.POSITIONAL.matcher(name).matches());
        if (positional && named) {
            problems.add(TemplateProblem.of("variables.mixed"));
            return;
        }
        for (String name : all) {
            if (named && !TemplateVariables.NAMED.matcher(name).matches()) {
                problems.add(TemplateProblem.of("variables.name", "{{" + name + "}}"));
            }
        }
        if (positional) {
            sequence("header", header, problems);
            sequence("body", body, problems);
        }
    }

    /** Meta numbers a component's variables from {{1}} up without gaps. */
    private static void sequence(String component, List<String> variables, List<TemplateProblem> problems) {
        Set<Integer> numbers = new LinkedHashSet<>();
        for (String name : variables) {
            numbers.add(Integer.parseInt(name));
        }
        for (int expected = 1; expected <= numbers.size(); expected++) {
            if (!numbers.contains(expected)) {
                problems.add(new TemplateProblem(
                        "variables.sequence", component, List.of("{{" + expected + "}}", numbers.size())));
                return;
            }
        }
    }

    private static void examples(
            NewTemplate template, List<String> header, List<String> body, List<TemplateProblem> problems) {
        if (!header.isEmpty() && template.headerExample() == null) {
            problems.add(new TemplateProblem("examples.header", "header", List.of("{{" + header.getFirst() + "}}")));
        }
        for (String name : new LinkedHashSet<>(body)) {
            String example = template.examples().get(name);
            if (example == null || example.isBlank()) {
                problems.add(TemplateProblem.of("examples.missing", "{{" + name + "}}"));
            } else if (example.length() > EXAMPLE_MAX || example.contains("{{")) {
                problems.add(TemplateProblem.of("examples.invalid", "{{" + name + "}}", EXAMPLE_MAX));
            }
        }
    }

    private static void footer(@Nullable String footer, List<TemplateProblem> problems) {
        if (footer == null) {
            return;
        }
        if (footer.length() > FOOTER_MAX) {
            problems.add(TemplateProblem.of("footer.length", footer.length(), FOOTER_MAX));
        }
        if (!TemplateVariables.of(footer).isEmpty()) {
            problems.add(TemplateProblem.of("footer.variables"));
        }
    }

    private static void buttons(List<TemplateButton> buttons, List<TemplateProblem> problems) {
        if (buttons.size() > BUTTONS_MAX) {
            problems.add(TemplateProblem.of("buttons.count", BUTTONS_MAX));
        }
        long urls = buttons.stream()
                .filter(b -> b.type() == TemplateButton.Type.URL)
                .count();
        long phones = buttons.stream()
                .filter(b -> b.type() == TemplateButton.Type.PHONE_NUMBER)
                .count();
        if (urls > URL_BUTTONS_MAX) {
            problems.add(TemplateProblem.of("buttons.url-count", URL_BUTTONS_MAX));
        }
        if (phones > PHONE_BUTTONS_MAX) {
            problems.add(TemplateProblem.of("buttons.phone-count", PHONE_BUTTONS_MAX));
        }
        Set<String> texts = new LinkedHashSet<>();
        for (TemplateButton button : buttons) {
            if (button.text().isEmpty()) {
                problems.add(TemplateProblem.of("buttons.text-blank"));
            } else if (button.text().length() > BUTTON_TEXT_MAX) {
                problems.add(TemplateProblem.of("buttons.text-length", button.text(), BUTTON_TEXT_MAX));
            } else if (!texts.add(button.text())) {
                problems.add(TemplateProblem.of("buttons.text-repeated", button.text()));
            }
            switch (button.type()) {
                case URL -> url(button, problems);
                case PHONE_NUMBER -> {
                    if (button.value() == null || !E164.matcher(button.value()).matches()) {
                        problems.add(TemplateProblem.of("buttons.phone", button.text()));
                    }
                }
                case OTHER -> problems.add(TemplateProblem.of("buttons.kind"));
                case QUICK_REPLY -> {}
            }
        }
    }

    /**
     * Meta lets a URL button's link end with one variable, {@code {{1}}}, which each send completes; its
     * reviewers open the link with an example in its place.
     */
    private static void url(TemplateButton button, List<TemplateProblem> problems) {
        String url = button.value();
        List<String> variables = url == null ? List.of() : TemplateVariables.of(url);
        if (variables.isEmpty()) {
            if (!webAddress(url)) {
                problems.add(TemplateProblem.of("buttons.url", button.text()));
            }
            return;
        }
        if (variables.size() > 1
                || !variables.getFirst().equals("1")
                || !TemplateVariables.endsWithVariable(url)
                || url.strip().startsWith("{{")) {
            problems.add(TemplateProblem.of("buttons.url-variable", button.text()));
            return;
        }
        String example = button.example();
        if (example == null) {
            problems.add(TemplateProblem.of("buttons.url-example", button.text()));
        } else if (example.contains("{{") || example.length() > EXAMPLE_MAX || !webAddress(button.exampleUrl())) {
            problems.add(TemplateProblem.of("buttons.url-example-invalid", button.text()));
        }
    }

    private static boolean webAddress(@Nullable String url) {
        if (url == null || url.length() > URL_MAX || url.contains("{{")) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
