package br.com.whatsappoficial.accounttest;

import br.com.whatsappoficial.template.TemplateCategory;
import br.com.whatsappoficial.template.TemplateDetails;
import br.com.whatsappoficial.template.Templates;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The template a run sends: one Meta approved in the number's WABA that needs nothing filled in (no
 * variable, no media header, no link to complete), a utility one first since it is what a store sends
 * its customers about their orders; then any such template, by name.
 */
@Component
class TestTemplates {

    private final Templates templates;

    TestTemplates(Templates templates) {
        this.templates = templates;
    }

    Optional<TemplateDetails> choose(String wabaId) {
        return templates.list().stream()
                .filter(template -> template.wabaId().equals(wabaId))
                .filter(template -> template.status().sendable())
                .filter(template -> template.variables().isEmpty()
                        && template.content().mediaHeader() == null
                        && template.content().headerVariable() == null
                        && template.content().dynamicButtons().isEmpty())
                .min(Comparator.comparing((TemplateDetails template) -> template.category() != TemplateCategory.UTILITY)
                        .thenComparing(TemplateDetails::name));
    }
}
