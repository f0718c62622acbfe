package br.com.metasandbox.graph;

import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /{id}} and {@code POST /{id}}: a WABA or number with its fields (contract §3, §4), the
 * two-step PIN and the number's webhook override, and the Resumable Upload API's session node
 * ({@code upload:…}, contract §5).
 */
@RestController
@GraphApi
@RequestMapping(GraphApi.BASE)
class NodeEndpoints {

    private final GraphObjects objects;
    private final GraphAuth auth;
    private final Faults faults;
    private final NodeFields fields;
    private final CloudApiRegistration registration;
    private final ResumableUploads uploads;
    private final GraphParamsResolver paramsReader;
    private final JsonMapper json;
    private final TemplateReviews reviews;
    private final TemplateEndpoints templateFields;

    NodeEndpoints(
            GraphObjects objects,
            GraphAuth auth,
            Faults faults,
            NodeFields fields,
            CloudApiRegistration registration,
            ResumableUploads uploads,
            JsonMapper json,
            TemplateReviews reviews,
            TemplateEndpoints templateFields) {
        this.reviews = reviews;
        this.templateFields = templateFields;
        this.objects = objects;
        this.auth = auth;
        this.faults = faults;
        this.fields = fields;
        this.registration = registration;
        this.uploads = uploads;
        this.paramsReader = new GraphParamsResolver(json);
        this.json = json;
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id, GraphParams params) {
        GraphObjects.Kind kind = objects.kindOf(id);
        if (kind != null) {
            faults.inject(
                    switch (kind) {
                        case WABA -> GraphOperation.WABA_GET;
                        case PHONE -> GraphOperation.PHONE_GET;
                        case UPLOAD -> GraphOperation.UPLOADS;
                        case TEMPLATE -> GraphOperation.TEMPLATES_LIST;
                    });
        }
        if (kind == GraphObjects.Kind.UPLOAD) {
            auth.authenticateBusiness(params);
            return uploads.status(ResumableUploads.sessionId(id, params));
        }
        Caller caller = auth.authenticate(params);
        if (kind == GraphObjects.Kind.TEMPLATE) {
            reviews.settle();
            return templateFields.fields(
                    objects.template(caller, id, "GET"),
                    FieldSelection.of(
                            params, TemplateEndpoints.DEFAULT_FIELDS, TemplateEndpoints.FIELDS, "WhatsAppBusinessHSM"));
        }
        if (kind == GraphObjects.Kind.WABA) {
            WhatsAppBusinessAccount waba = objects.waba(caller, id, "GET");
            return fields.waba(
                    waba,
                    FieldSelection.of(
                            params, NodeFields.WABA_DEFAULT, NodeFields.WABA_FIELDS, "WhatsAppBusinessAccount"));
        }
        PhoneNumber phone = objects.phone(caller, id, "GET");
        return fields.phone(
                phone,
                FieldSelection.of(
                        params, NodeFields.PHONE_DEFAULT, NodeFields.PHONE_FIELDS, "WhatsAppBusinessPhoneNumber"));
    }

    @PostMapping("/{id}")
    Map<String, Object> post(@PathVariable String id, HttpServletRequest request) throws IOException {
        if (id.startsWith("upload:")) {
            faults.inject(GraphOperation.UPLOADS);
            GraphParams params = GraphParamsResolver.queryOnly(request, json);
            auth.authenticateBusiness(params);
            return uploads.append(
                    ResumableUploads.sessionId(id, params), request, faults.cutOnce(GraphOperation.UPLOAD_CHUNK));
        }
        GraphObjects.Kind kind = objects.kindOf(id);
        if (kind == GraphObjects.Kind.PHONE) {
            faults.inject(GraphOperation.PHONE_PIN);
        }
        if (kind == GraphObjects.Kind.TEMPLATE) {
            faults.inject(GraphOperation.TEMPLATES_EDIT);
        }
        GraphParams params = paramsReader.read(request);
        Caller caller = auth.authenticate(params);
        if (kind == GraphObjects.Kind.TEMPLATE) {
            // Edits a template's components (and category) [doc]: it goes back to review.
            reviews.edit(objects.template(caller, id, "POST"), params);
            return Map.of("success", true);
        }
        PhoneNumber phone = objects.phone(caller, id, "POST");
        if (params.has("webhook_configuration")) {
            registration.setWebhookOverride(phone, params);
        }
        if (params.has("pin")) {
            registration.setTwoStepPin(phone, params.requiredText("pin"));
        } else if (!params.has("webhook_configuration")) {
            throw GraphRefusal.param("The parameter pin is required.");
        }
        return Map.of("success", true);
    }
}
