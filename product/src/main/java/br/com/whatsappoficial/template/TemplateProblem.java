package br.com.whatsappoficial.template;

import java.util.List;

/**
 * One thing Meta would refuse in a template, found before it is sent: a message key under
 * {@code template.problem.} and the values the message names (a limit, a variable).
 *
 * @param field the editor's field it belongs to (name, header, body, footer, buttons, examples)
 */
public record TemplateProblem(String code, String field, List<Object> args) {

    public TemplateProblem {
        args = List.copyOf(args);
    }

    static TemplateProblem of(String code, Object... args) {
        return new TemplateProblem(
                code, code.contains(".") ? code.substring(0, code.indexOf('.')) : code, List.of(args));
    }

    public String messageKey() {
        return "template.problem." + code;
    }

    /** The message's argument {@code index}, empty when it has fewer (every problem message takes two). */
    public Object arg(int index) {
        return index < args.size() ? args.get(index) : "";
    }
}
