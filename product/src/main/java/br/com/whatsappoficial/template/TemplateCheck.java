package br.com.whatsappoficial.template;

import java.util.List;

/** A template checked without sending it: what Meta would refuse, and how the customer would see it. */
public record TemplateCheck(List<TemplateProblem> problems, TemplateContent.Preview preview) {

    public TemplateCheck {
        problems = List.copyOf(problems);
    }

    /** Checks the template against Meta's rules and previews it with its examples. */
    static TemplateCheck of(NewTemplate template) {
        return new TemplateCheck(
                TemplateRules.check(template), TemplateContent.of(template).preview());
    }

    public boolean acceptable() {
        return problems.isEmpty();
    }

    /** The problems of one field of the editor. */
    public List<TemplateProblem> of(String field) {
        return problems.stream()
                .filter(problem -> problem.field().equals(field))
                .toList();
    }
}
