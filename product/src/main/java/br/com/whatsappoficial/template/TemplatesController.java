package br.com.whatsappoficial.template;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Configurações › WhatsApp Oficial › Modelos de mensagem: the list (its panel refreshed by htmx while
 * Meta reviews), "Sincronizar", and the editor of a new template with its live preview.
 */
@Controller
@RequestMapping("/configuracoes/whatsapp-oficial/modelos")
class TemplatesController {

    /** The editor's button rows; Meta allows up to 10 buttons, the campaign API can send more rows. */
    static final int BUTTON_ROWS = 3;

    private final Templates templates;

    TemplatesController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    String list(Model model) {
        listModel(model);
        return "template/list";
    }

    @GetMapping("/lista")
    String panel(Model model) {
        listModel(model);
        return "template/list :: panel";
    }

    @PostMapping("/sincronizar")
    String synchronize(RedirectAttributes redirect) {
        redirect.addFlashAttribute("synced", templates.synchronize());
        return "redirect:/configuracoes/whatsapp-oficial/modelos";
    }

    @GetMapping("/novo")
    String editor(Model model) {
        return editorModel(model, TemplateForm.empty(), List.of());
    }

    /** The preview bubble, problems and counters, as htmx asks for them while the merchant types. */
    @PostMapping("/previa")
    String preview(
            TemplateForm form, @RequestParam(required = false) @Nullable MultipartFile headerImage, Model model) {
        EditorPage.show(model, form, EditorPage.sample(headerImage), List.of());
        model.addAttribute("partial", true);
        return "template/editor :: preview";
    }

    /** The examples' fields and (out of band) the preview, when the header or body, and so their variables, changed. */
    @PostMapping("/variaveis")
    String variables(
            TemplateForm form, @RequestParam(required = false) @Nullable MultipartFile headerImage, Model model) {
        EditorPage.show(model, form, EditorPage.sample(headerImage), List.of());
        model.addAttribute("partial", true);
        model.addAttribute("oob", true);
        return "template/editor :: live";
    }

    @PostMapping
    String create(
            TemplateForm form,
            @RequestParam(required = false) @Nullable MultipartFile headerImage,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        MediaSample sample = EditorPage.sample(headerImage);
        try {
            TemplateDetails created = templates.create(form.template(sample));
            redirect.addFlashAttribute("created", created.name());
            return "redirect:/configuracoes/whatsapp-oficial/modelos";
        } catch (TemplateRefused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return EditorPage.show(model, form, sample, refused.problems());
        } catch (TemplateCreationsExhausted exhausted) {
            model.addAttribute("exhausted", exhausted);
            return editorModel(model, form, List.of());
        } catch (NoWabaForTemplates none) {
            model.addAttribute("noWaba", true);
            return editorModel(model, form, List.of());
        } catch (TemplateNotCreated failed) {
            model.addAttribute("metaFailure", failed);
            return editorModel(model, form, List.of());
        }
    }

    private void listModel(Model model) {
        List<TemplateDetails> all = templates.list();
        // A merchant who deleted a template expects it gone; Meta keeps no trace of it to show either.
        model.addAttribute(
                "templates",
                all.stream()
                        .filter(t -> !t.status().equals(TemplateStatus.DELETED))
                        .toList());
        TemplateSyncState sync = templates.syncState();
        model.addAttribute("syncLabel", sync.messageKey());
        model.addAttribute("syncTime", sync.labelTime());
        model.addAttribute("canCreate", templates.canCreate());
        // Meta decides within minutes and a queued sync runs within seconds: poll often while either is
        // pending, seldom otherwise.
        model.addAttribute(
                "reviewing",
                sync.scheduled() || all.stream().anyMatch(t -> t.status().underReview()));
    }

    private String editorModel(Model model, TemplateForm form, List<TemplateProblem> submitted) {
        return EditorPage.show(model, form, submitted);
    }
}
