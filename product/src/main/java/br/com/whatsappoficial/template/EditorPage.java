package br.com.whatsappoficial.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/** The editor page's model, shared by the new template's editor and the edit of an existing one. */
final class EditorPage {

    private EditorPage() {}

    /** Fills the editor with the form as typed and the problems of its last submission. */
    static String show(Model model, TemplateForm form, List<TemplateProblem> submitted) {
        return show(model, form, null, submitted);
    }

    /**
     * Fills the editor with the form and the header image chosen with it; the preview shows that image
     * inline, since it exists nowhere else until Meta has it.
     */
    static String show(Model model, TemplateForm form, @Nullable MediaSample sample, List<TemplateProblem> submitted) {
        NewTemplate template = form.template(sample);
        if (sample != null
                && sample.size() <= MediaSample.IMAGE_MAX_BYTES
                && sample.imageType().isPresent()) {
            model.addAttribute(
                    "headerImage",
                    "data:" + sample.imageType().get() + ";base64,"
                            + Base64.getEncoder().encodeToString(sample.content()));
        }
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

    /** The file posted as the header image; none when the merchant chose none. */
    static @Nullable MediaSample sample(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return new MediaSample(file.getOriginalFilename(), file.getBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
