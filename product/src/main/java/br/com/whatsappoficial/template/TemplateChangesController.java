package br.com.whatsappoficial.template;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Modelos de mensagem › Editar and › Excluir: the editor prefilled with a template, and the deletion's
 * confirmation. A refusal shows the form again with everything the merchant typed.
 */
@Controller
@RequestMapping("/configuracoes/whatsapp-oficial/modelos/{id}")
class TemplateChangesController {

    private static final String LIST = "redirect:/configuracoes/whatsapp-oficial/modelos";

    private final TemplateChanges changes;

    TemplateChangesController(TemplateChanges changes) {
        this.changes = changes;
    }

    /** The editor with the template as it is, and up front what would stop its edit (status, Meta's limits). */
    @GetMapping("/editar")
    String editor(@PathVariable String id, Model model) {
        Template template = live(id);
        changes.editsExhausted(template).ifPresent(exhausted -> model.addAttribute("editsExhausted", exhausted));
        return editor(model, template, TemplateForm.of(template), List.of());
    }

    @PostMapping("/editar")
    String edit(
            @PathVariable String id,
            TemplateForm form,
            @RequestParam(required = false) @Nullable MultipartFile headerImage,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Template template = live(id);
        form = form.editing(template);
        MediaSample sample = EditorPage.sample(headerImage);
        try {
            TemplateDetails edited = changes.edit(template, form.template(sample));
            redirect.addFlashAttribute("edited", edited.name());
            return LIST;
        } catch (TemplateRefused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(model, template, form, sample, refused.problems());
        } catch (TemplateEditsExhausted exhausted) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("editsExhausted", exhausted);
            return editor(model, template, form, List.of());
        } catch (NoWabaForTemplates none) {
            model.addAttribute("noWaba", true);
            return editor(model, template, form, List.of());
        } catch (TemplateChangeFailed failed) {
            model.addAttribute("metaFailure", failed);
            return editor(model, template, form, List.of());
        }
    }

    /** What the deletion takes with it: Meta deletes every language of the name. */
    @GetMapping("/excluir")
    String confirmDeletion(@PathVariable String id, Model model) {
        return confirmation(model, live(id));
    }

    @PostMapping("/excluir")
    String delete(@PathVariable String id, Model model, RedirectAttributes redirect) {
        Template template = live(id);
        try {
            List<TemplateLanguage> languages = changes.delete(template);
            redirect.addFlashAttribute("deleted", template.name().value());
            redirect.addFlashAttribute("deletedLanguages", languages.size());
            return LIST;
        } catch (NoWabaForTemplates none) {
            model.addAttribute("noWaba", true);
            return confirmation(model, template);
        } catch (TemplateChangeFailed failed) {
            model.addAttribute("metaFailure", failed);
            return confirmation(model, template);
        }
    }

    private String editor(Model model, Template template, TemplateForm form, List<TemplateProblem> submitted) {
        return editor(model, template, form, null, submitted);
    }

    private String editor(
            Model model,
            Template template,
            TemplateForm form,
            @Nullable MediaSample sample,
            List<TemplateProblem> submitted) {
        model.addAttribute("editing", template.details());
        model.addAttribute("categoryLocked", !template.categoryChangeable());
        model.addAttribute("blocked", changes.editBlocked(template));
        return EditorPage.show(model, form, sample, submitted);
    }

    private String confirmation(Model model, Template template) {
        model.addAttribute("template", template.details());
        model.addAttribute(
                "languages",
                changes.namesakes(template).stream()
                        .map(namesake -> namesake.language().code())
                        .toList());
        return "template/delete";
    }

    /** The store's template of this id, while there is something left of it at Meta; 404 otherwise. */
    private Template live(String id) {
        return changes.find(id)
                .filter(template -> template.status().deletable())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
