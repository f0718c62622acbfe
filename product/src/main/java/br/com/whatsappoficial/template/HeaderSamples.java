package br.com.whatsappoficial.template;

import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphProfiles;
import br.com.whatsappoficial.meta.MetaCallFailed;
import org.springframework.stereotype.Component;

/**
 * Uploads the example image of a new image header through Meta's Resumable Upload API: Meta reviews an
 * image header with that file, named in the template by the handle the upload returns.
 */
@Component
class HeaderSamples {

    private final GraphProfiles uploads;

    HeaderSamples(GraphProfiles uploads) {
        this.uploads = uploads;
    }

    /**
     * The template with its new header image known to Meta; unchanged when it has none to upload. Call only
     * once the rules accepted it: an upload costs a call, and the rules checked the file's type and size.
     *
     * @throws MetaCallFailed when Meta refused the upload or did not answer
     */
    NewTemplate uploaded(BusinessToken token, NewTemplate template) {
        MediaSample sample = template.sample();
        if (sample == null) {
            return template;
        }
        String type = sample.imageType().orElseThrow(() -> new IllegalStateException("checked by TemplateRules"));
        String name = "cabecalho." + (type.equals("image/png") ? "png" : "jpg");
        String handle = uploads.upload(token, name, type, sample.content());
        return template.withMediaHeader(new MediaHeader(MediaHeader.Format.IMAGE, handle));
    }
}
