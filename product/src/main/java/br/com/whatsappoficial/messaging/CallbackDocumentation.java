package br.com.whatsappoficial.messaging;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes the status callbacks in the API's OpenAPI document: a section of its description, and the
 * callback as an OpenAPI webhook (what we POST to the store's receiver, and how to check it is ours).
 */
@Component
class CallbackDocumentation implements OpenApiCustomizer {

    static final String SECTION = """


            **Status callbacks**: when the store has a callback URL (Configurações › WhatsApp Oficial › API › \
            Avisos de status) or a message has its own `callbackUrl`, every status change of the message is \
            POSTed there as `{id, status, at, error?, metadata?}` (`status`: `sent`, `delivered`, `read`, \
            `failed`, or a status Meta adds such as `played`). A status Meta skipped or reported late is \
            implied by the newer one and sent just before it, with its time, so a receiver hears each status \
            once and never an older one after a newer. Headers: `X-WO-Signature: sha256=<hex HMAC-SHA256 of \
            the raw body, keyed with the store's callback secret>` (compare in constant time, on the raw \
            bytes, before parsing) and `X-WO-Delivery: <id>`, an opaque id, the same on every attempt of one \
            callback while the secret stays (delivery is at least once: skip an id already seen). Answer 2xx quickly; any other answer or \
            none within 5 s is retried with exponential backoff and jitter for 24 h, `410 Gone` stops that \
            callback. The URL must be https and resolve only to public addresses (sandbox mode also takes \
            `http://127.0.0.1:<port>/…` and `http://localhost:<port>/…`); redirects are not followed.""";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getInfo() != null && openApi.getInfo().getDescription() != null) {
            openApi.getInfo().setDescription(openApi.getInfo().getDescription() + SECTION);
        }
        ObjectSchema error = new ObjectSchema();
        error.addProperty("code", new StringSchema().example("meta_failed"));
        error.addProperty("metaCode", new IntegerSchema().example(131026));
        error.addProperty("title", new StringSchema().description("pt-BR"));
        error.addProperty("detail", new StringSchema());
        ObjectSchema body = new ObjectSchema();
        body.addProperty("id", new StringSchema().description("the message's id, as the API answered it"));
        body.addProperty("status", new StringSchema().example("delivered"));
        body.addProperty("at", new StringSchema().format("date-time").description("when Meta says it happened"));
        body.addProperty("error", error.description("only with status failed"));
        body.addProperty("metadata", new ObjectSchema().description("the message's metadata, as sent"));
        body.setRequired(List.of("id", "status", "at"));
        Operation post = new Operation()
                .summary("A message's status changed (POSTed to the store's receiver)")
                .description(SECTION.strip())
                .addParametersItem(new HeaderParameter()
                        .name(CallbackSecret.HEADER)
                        .required(true)
                        .schema(new StringSchema().example("sha256=3f1c…")))
                .addParametersItem(new HeaderParameter()
                        .name(CallbackPoster.DELIVERY_HEADER)
                        .required(true)
                        .schema(new StringSchema().example("1042")))
                .requestBody(new RequestBody()
                        .required(true)
                        .content(new Content().addMediaType("application/json", new MediaType().schema(body))))
                .responses(new ApiResponses()
                        .addApiResponse("2XX", new ApiResponse().description("Delivered"))
                        .addApiResponse("410", new ApiResponse().description("Stop this callback"))
                        .addApiResponse("default", new ApiResponse().description("Retried later")));
        openApi.addWebhooks("messageStatus", new PathItem().post(post));
    }
}
