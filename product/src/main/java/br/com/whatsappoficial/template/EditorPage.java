package br.com.whatsappoficial.template;

import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;

/** The editor page's model, shared by the new template's editor and the edit of an existing one. */
final class EditorPage {

    private EditorPage() {}

    /** Fills the editor with the form as typed and the problems of its last submission. */
    static String show(Model model, TemplateForm form, List<TemplateProblem> submitted) {
        NewTemplate template = form.template();
        model.addAttribute("form", form);
        model.addAttribute("partial", false);
        model.addAttribute("buttonRows", form.buttonRows());
        model.addAttribute("check", TemplateCheck.of(template));
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
