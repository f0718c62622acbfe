package br.com.whatsappoficial.template;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Configurações › WhatsApp Oficial › Modelos de mensagem: the list (its panel refreshed by htmx while
 * Meta reviews), "Sincronizar", and the editor with its live preview.
 */
@Controller
@RequestMapping("/configuracoes/whatsapp-oficial/modelos")
class TemplatesController {

    /** The editor's button rows; Meta allows up to 10 buttons, the campaign API can send more rows. */
    static final int BUTTON_ROWS = 3;

    /**
     * The editor's fields as the browser posts them: raw text, checked by {@link TemplateRules}, never
     * bound onto a template (the store and Meta's id are not the form's to set).
     */
    record TemplateForm(
            @Nullable String name,
            @Nullable TemplateCategory category,
            @Nullable String language,
            @Nullable String header,
            @Nullable String headerExample,
            @Nullable String body,
            @Nullable String footer,
            @Nullable List<ButtonForm> buttons,
            @Nullable Map<String, String> examples) {

        static TemplateForm empty() {
            return new TemplateForm(
                    "", TemplateCategory.UTILITY, TemplateLanguage.PT_BR.code(), "", "", "", "", List.of(), Map.of());
        }

        NewTemplate template() {
            List<TemplateButton> chosen = new ArrayList<>();
            for (ButtonForm button : buttons == null ? List.<ButtonForm>of() : buttons) {
                if (button != null && button.type() != null) {
                    chosen.add(new TemplateButton(button.type(), button.text(), button.value()));
                }
            }
            Map<String, String> filled = new LinkedHashMap<>();
            if (examples != null) {
                examples.forEach((name, value) -> {
                    if (name != null && value != null && !value.isBlank()) {
                        filled.put(name, value.strip());
                    }
                });
            }
            return new NewTemplate(
                    name,
                    category == null ? TemplateCategory.UTILITY : category,
                    language,
                    header,
                    headerExample,
                    body,
                    footer,
                    chosen,
                    filled);
        }

        /** The form's button rows, padded with empty ones so the editor always offers a few. */
        List<ButtonForm> buttonRows() {
            List<ButtonForm> rows = new ArrayList<>(buttons == null ? List.of() : buttons);
            while (rows.size() < BUTTON_ROWS) {
                rows.add(new ButtonForm(null, "", ""));
            }
            return rows;
        }

        public String example(String variable) {
            return examples == null ? "" : examples.getOrDefault(variable, "");
        }
    }

    /** One button row; no type means the row is unused. */
    record ButtonForm(
            TemplateButton.@Nullable Type type,
            @Nullable String text,
            @Nullable String value) {}

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
    String preview(TemplateForm form, Model model) {
        editorModel(model, form, List.of());
        model.addAttribute("partial", true);
        return "template/editor :: preview";
    }

    /** The examples' fields and (out of band) the preview, when the header or body, and so their variables, changed. */
    @PostMapping("/variaveis")
    String variables(TemplateForm form, Model model) {
        editorModel(model, form, List.of());
        model.addAttribute("partial", true);
        model.addAttribute("oob", true);
        return "template/editor :: live";
    }

    @PostMapping
    String create(TemplateForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            TemplateDetails created = templates.create(form.template());
            redirect.addFlashAttribute("created", created.name());
            return "redirect:/configuracoes/whatsapp-oficial/modelos";
        } catch (TemplateRefused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editorModel(model, form, refused.problems());
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
        model.addAttribute("templates", all);
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
        NewTemplate template = form.template();
        TemplateCheck check = templates.check(template);
        model.addAttribute("form", form);
        model.addAttribute("partial", false);
        model.addAttribute("buttonRows", form.buttonRows());
        model.addAttribute("check", check);
        model.addAttribute("submitted", submitted);
        model.addAttribute("bodyVariables", TemplateContent.of(template).variables());
        model.addAttribute("headerVariables", TemplateVariables.of(template.header() == null ? "" : template.header()));
        model.addAttribute(
                "limits",
                Map.of(
                        "header", TemplateRules.HEADER_MAX,
                        "body", TemplateRules.BODY_MAX,
                        "footer", TemplateRules.FOOTER_MAX,
                        "button", TemplateRules.BUTTON_TEXT_MAX));
        model.addAttribute("categories", List.of(TemplateCategory.UTILITY, TemplateCategory.MARKETING));
        model.addAttribute(
                "buttonTypes",
                List.of(TemplateButton.Type.QUICK_REPLY, TemplateButton.Type.URL, TemplateButton.Type.PHONE_NUMBER));
        return "template/editor";
    }
}
