package br.com.whatsappoficial.template;

import java.util.List;

/** A template checked without sending it: what Meta would refuse, and how the customer would see it. */
public record TemplateCheck(List<TemplateProblem> problems, TemplateContent.Preview preview) {

    public TemplateCheck {
        problems = List.copyOf(problems);
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
