package br.com.whatsappoficial.template;

import java.util.List;

/** A template that breaks Meta's rules: refused here, before Meta spends a creation on refusing it. */
public class TemplateRefused extends RuntimeException {

    private final List<TemplateProblem> problems;

    TemplateRefused(List<TemplateProblem> problems) {
        super(
                "template refused: "
                        + problems.stream().map(TemplateProblem::code).toList(),
                null,
                false,
                false);
        this.problems = List.copyOf(problems);
    }

    TemplateRefused(TemplateProblem problem) {
        this(List.of(problem));
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
