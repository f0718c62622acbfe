package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.api.ApiLanguage;
import br.com.whatsappoficial.api.CampaignApi;
import br.com.whatsappoficial.api.InvalidFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/messages}: the campaign engine sends through the store's connected number and follows
 * each message. A {@code 202} means the message is durably queued and, for a customer outside their
 * window, holds its slot of the proactive budget.
 */
@CampaignApi
@Tag(name = "Messages")
class MessagesController {

    static final int MAX_METADATA_BYTES = 1024;

    private final MessageIntake intake;
    private final MessageRows rows;
    private final MessageFailures failures;
    private final CallbackUrls callbackUrls;
    private final JsonMapper json;

    MessagesController(
            MessageIntake intake,
            MessageRows rows,
            MessageFailures failures,
            CallbackUrls callbackUrls,
            JsonMapper json) {
        this.intake = intake;
        this.rows = rows;
        this.failures = failures;
        this.callbackUrls = callbackUrls;
        this.json = json;
    }

    @Schema(description = "A message to send: `to` or `recipient`, and one of `template`, `text` or `link`.")
    record SendMessage(
            @Schema(
                    description = "the customer's number, E.164 or as people write it (Brazilian unless it says"
                            + " otherwise); wins over `recipient` when both are given",
                    example = "+55 11 98765-4321")
            @Nullable
            String to,

            @Schema(description = "a business-scoped user id (`BR.…`), for a customer known only by username") @Nullable
            String recipient,

            @Valid @Nullable TemplatePart template,
            @Valid @Nullable TextPart text,
            @Valid @Nullable LinkPart link,

            @Schema(description = "a hint of the template's category; Meta's category decides the price") @Nullable
            String category,

            @Schema(description = "any JSON of the engine's own (≤ 1 KB), returned with the message") @Nullable
            JsonNode metadata,

            @Schema(
                    description = "where this message's status changes are POSTed instead of the store's callback"
                            + " URL, signed with the store's callback secret: https, resolving only to public"
                            + " addresses (sandbox mode also takes http://127.0.0.1:<port>/… and"
                            + " http://localhost:<port>/…)",
                    example = "https://loja.com.br/whatsapp/status")
            @Nullable
            @Size(max = 2000)
            String callbackUrl) {}

    record TemplatePart(
            @NotBlank @Schema(example = "pedido_enviado") String name,

            @Schema(example = "pt_BR", description = "default pt_BR") @Nullable
            String language,

            @Schema(
                    description = "the body's variables: an array for {{1}}, {{2}}… or an object for {{nome}}…",
                    example = "[\"Ana\", \"sexta-feira\"]")
            @Nullable
            JsonNode parameters,

            @Schema(
                    description = "what fills the header: `{\"text\": \"…\"}` for a text header's variable, or"
                            + " `{\"image\": {\"link\": \"https://…\"}}` (or `video`, `document`) for a media"
                            + " header: the file this send shows")
            @Valid
            @Nullable
            HeaderPart header,

            @Schema(
                    description = "the end of each URL button's link that ends in {{1}}, by the button's position"
                            + " among the template's buttons (from 0): `[{\"index\": 0, \"parameter\":"
                            + " \"pedido/1001\"}]`")
            @Nullable
            List<@Valid ButtonPart> buttons) {}

    record HeaderPart(
            @Nullable @Size(max = 1024) String text,
            @Valid @Nullable MediaLink image,
            @Valid @Nullable MediaLink video,
            @Valid @Nullable MediaLink document) {}

    record MediaLink(
            @NotBlank @Size(max = 2000) @Schema(example = "https://loja.com.br/ofertas/banner.jpg")
            String link) {}

    record ButtonPart(
            @NotNull @Min(0) @Max(9) @Schema(example = "0") Integer index,

            @NotBlank @Size(max = 2000) @Schema(example = "pedido/1001")
            String parameter) {}

    record TextPart(
            @NotBlank @Size(max = 4096) String body,

            @Schema(description = "show a preview of the first link") @Nullable
            Boolean previewUrl) {}

    record LinkPart(
            @NotBlank @Size(max = 1024) String body,

            @NotBlank @Size(max = 2000) @Schema(example = "https://loja.com.br/colecao")
            String url,

            @NotBlank @Size(max = 20) @Schema(example = "Ver coleção")
            String label) {}

    @Schema(description = "The message as queued.")
    record Queued(
            @Schema(example = "0b7c1c2e-3f7d-4e0c-9a55-6f1f1b2d7a10")
            String id,

            @Schema(example = "queued") String status,
            @Schema(example = "+5511987654321") String to,

            @Schema(
                    description = "whether it took a new customer's slot of the proactive budget: false inside the"
                            + " customer's window and for a customer already counted in the last 24 h")
            boolean countsAgainstLimit,

            Instant createdAt) {}

    @Schema(description = "A message and what became of it.")
    record MessageResource(
            String id,

            @Schema(allowableValues = {"queued", "sent", "delivered", "read", "failed"})
            String status,

            String to,
            @Nullable TemplateRef template,
            boolean countsAgainstLimit,

            @Schema(description = "Meta's message id (wamid), once Meta accepted it") @Nullable
            String metaMessageId,

            @Nullable PricingResource pricing,
            @Nullable ErrorResource error,

            @Schema(description = "every status it went through, as Meta named it, in order")
            List<TimelineResource> timeline,

            @Nullable JsonNode metadata,
            Instant createdAt) {}

    record TemplateRef(String name, String language) {}

    record PricingResource(
            @Schema(example = "marketing") @Nullable String category,
            @Nullable Boolean billable) {}

    record ErrorResource(
            @Schema(
                    description = "`meta_refused` (Meta refused the send), `meta_failed` (Meta could not deliver"
                            + " it), `meta_unavailable` (Meta kept failing), `number_not_ready`")
            String code,

            @Nullable Integer metaCode,
            String title,
            @Nullable String detail) {}

    record TimelineResource(String status, Instant at) {}

    @PostMapping(
            path = "/messages",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Send a message",
            description = "Decides at once whether the message may go: the recipient, the customer's 24 h"
                    + " window (text and link only inside it), the template (approved, parameters matching), the"
                    + " store's suppression list and the proactive budget, whose slot is held from this answer on."
                    + " The same Idempotency-Key with the same body within 24 h answers the same message again.\n\n"
                    + "Opt-outs: a customer who stopped the store's marketing at Meta (error 131050 or the"
                    + " `user_preferences` webhook), wrote a stop word alone (PARAR, SAIR, CANCELAR, DESCADASTRAR)"
                    + " or was put on the list by the merchant gets `recipient_opted_out` for every message, of"
                    + " any category: the product cannot tell a promotion from a notice by its words, and a"
                    + " customer who said stop should hear nothing unasked. The one exception is a customer who"
                    + " wrote to the store after opting out: inside the 24 h window their message opened, the"
                    + " store may answer them. The merchant lifts an entry in Configurações › WhatsApp Oficial ›"
                    + " Descadastros; Meta's `resume` lifts it by itself.\n\n"
                    + "Meta's limits: a message Meta refuses with 131049 (its per-user marketing limit) fails and is"
                    + " never sent again; for 24 h after that refusal a marketing template to the same customer is"
                    + " refused here with `marketing_held_back` (`retryAfter` says until when), since Meta advises"
                    + " not to retry sooner; utility and authentication templates still go. A spam limit (131048)"
                    + " or a policy block (368) pauses the sending number: its messages stay `queued` until the"
                    + " merchant resumes it on the status page or 24 h pass. A marketing template Meta holds for"
                    + " quality assessment (template pacing) shows `held_for_quality_assessment` in its timeline.",
            parameters =
                    @Parameter(
                            name = "Idempotency-Key",
                            in = ParameterIn.HEADER,
                            required = true,
                            description = "≤ 255 characters, unique per message"))
    @ApiResponse(responseCode = "202", description = "Queued")
    @ApiResponse(responseCode = "400", description = "`validation`")
    @ApiResponse(responseCode = "409", description = "`number_not_ready`, `idempotency_conflict`")
    @ApiResponse(
            responseCode = "422",
            description = "`invalid_recipient`, `recipient_opted_out` (`optedOutAt` says since when),"
                    + " `outside_service_window`, `template_not_approved`, `template_parameters`,"
                    + " `marketing_held_back` (`retryAfter`)")
    @ApiResponse(responseCode = "429", description = "`proactive_limit_reached`; `retryAfter` says when a slot frees")
    ResponseEntity<Queued> send(
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody SendMessage body,
            BindingResult shape) {
        MessageRequest request = request(idempotencyKey, body, shape);
        StoredMessage queued = intake.queue(idempotencyKey, hash(body), request);
        return ResponseEntity.accepted()
                .location(URI.create(CampaignApi.BASE_PATH + "/messages/" + queued.id()))
                .body(new Queued(
                        queued.id().toString(),
                        DeliveryStatus.QUEUED.apiName(),
                        queued.to() != null ? queued.to() : queued.recipientInput(),
                        queued.countsAgainstLimit(),
                        queued.createdAt()));
    }

    @GetMapping(path = "/messages/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A message, its status and its timeline")
    @ApiResponse(responseCode = "200", description = "The message")
    @ApiResponse(responseCode = "404", description = "`not_found`: no such message in this store")
    MessageResource one(@PathVariable String id, HttpServletRequest request) {
        StoredMessage message = MessageId.parse(id).flatMap(rows::find).orElseThrow(() -> new SendProblem.NotFound(id));
        Locale locale = ApiLanguage.of(request);
        StoredMessage.Failure failure = message.failure();
        return new MessageResource(
                message.id().toString(),
                message.status().apiName(),
                message.to() != null ? message.to() : message.recipientInput(),
                message.content() instanceof MessageContent.TemplateSend template
                        ? new TemplateRef(template.name(), template.language())
                        : null,
                message.countsAgainstLimit(),
                message.metaMessageId(),
                message.pricing() == null
                        ? null
                        : new PricingResource(
                                message.pricing().category(), message.pricing().billable()),
                failure == null
                        ? null
                        : new ErrorResource(
                                failure.code(),
                                failure.metaCode(),
                                failures.title(failure, locale),
                                failures.detail(failure, locale)),
                rows.timeline(message.id()).stream()
                        .map(line -> new TimelineResource(line.status(), line.at()))
                        .toList(),
                message.metadata() == null ? null : json.readTree(message.metadata()),
                message.createdAt());
    }

    /**
     * Checks the request's shape, naming every wrong field at once: those its annotations refused (a
     * template without a name) together with those of the rules below (no recipient), so that the engine
     * fixes a request in one go.
     */
    private MessageRequest request(@Nullable String idempotencyKey, SendMessage body, BindingResult shape) {
        Refusals refusals = new Refusals();
        shape.getFieldErrors().forEach(error -> refusals.add(InvalidFields.Refusal.of(error)));
        shape.getGlobalErrors().forEach(error -> refusals.add(InvalidFields.Refusal.of(error)));
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            refusals.add(refusal("Idempotency-Key", "api.messages.idempotency-key"));
        }
        boolean byNumber = body.to() != null && !body.to().isBlank();
        boolean byUserId =
                !byNumber && body.recipient() != null && !body.recipient().isBlank();
        if (!byNumber && !byUserId) {
            refusals.add(refusal("to", "api.messages.recipient-required"));
        }
        int kinds = (body.template() == null ? 0 : 1) + (body.text() == null ? 0 : 1) + (body.link() == null ? 0 : 1);
        if (kinds != 1) {
            refusals.add(refusal("template", "api.messages.one-content"));
        }
        if (body.link() != null && !httpUrl(body.link().url())) {
            refusals.add(refusal("link.url", "api.messages.url"));
        }
        String callbackUrl = null;
        if (body.callbackUrl() != null) {
            try {
                callbackUrl = callbackUrls.check(body.callbackUrl()).toString();
            } catch (InvalidCallbackUrl invalid) {
                refusals.add(new InvalidFields.Refusal("callbackUrl", invalid.messageKey(), invalid.arguments()));
            }
        }
        String metadata =
                body.metadata() == null || body.metadata().isNull() ? null : json.writeValueAsString(body.metadata());
        if (metadata != null && metadata.getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            refusals.add(refusal("metadata", "api.messages.metadata-size"));
        }
        MessageRequest.Arguments arguments = MessageRequest.Arguments.none();
        if (body.template() != null) {
            try {
                arguments = arguments(body.template().parameters());
            } catch (IllegalArgumentException notStrings) {
                refusals.add(refusal("template.parameters", "api.messages.parameters-shape"));
            }
        }
        if (body.template() != null && body.template().header() != null) {
            HeaderPart header = body.template().header();
            long given = java.util.stream.Stream.of(header.text(), header.image(), header.video(), header.document())
                    .filter(java.util.Objects::nonNull)
                    .count();
            MediaLink media = header.image() != null
                    ? header.image()
                    : header.video() != null ? header.video() : header.document();
            if (given != 1) {
                refusals.add(refusal("template.header", "api.messages.header-shape"));
            } else if (media != null && !httpUrl(media.link())) {
                refusals.add(refusal("template.header", "api.messages.url"));
            }
        }
        if (body.template() != null && body.template().buttons() != null) {
            List<ButtonPart> buttons = body.template().buttons();
            if (buttons.stream().anyMatch(java.util.Objects::isNull)) {
                refusals.add(refusal("template.buttons", "api.problem.validation.required"));
            } else if (buttons.stream().map(ButtonPart::index).distinct().count() != buttons.size()) {
                refusals.add(refusal("template.buttons", "api.messages.buttons-repeated"));
            }
        }
        if (!refusals.isEmpty()) {
            throw new InvalidFields(refusals.all);
        }
        MessageRequest.Asked asked;
        if (body.template() != null) {
            String language = body.template().language() == null
                            || body.template().language().isBlank()
                    ? "pt_BR"
                    : body.template().language();
            asked = new MessageRequest.Template(
                    body.template().name(),
                    language,
                    arguments,
                    header(body.template().header()),
                    buttons(body.template().buttons()));
        } else if (body.text() != null) {
            asked = new MessageRequest.Ready(new MessageContent.Text(
                    body.text().body(), Boolean.TRUE.equals(body.text().previewUrl())));
        } else {
            LinkPart link = java.util.Objects.requireNonNull(body.link());
            asked = new MessageRequest.Ready(new MessageContent.Link(link.body(), link.url(), link.label()));
        }
        return new MessageRequest(byNumber ? body.to() : body.recipient(), !byNumber, asked, metadata, callbackUrl);
    }

    private static MessageRequest.@Nullable HeaderArgument header(@Nullable HeaderPart header) {
        if (header == null) {
            return null;
        }
        if (header.text() != null) {
            return new MessageRequest.HeaderArgument(header.text(), null, null);
        }
        if (header.image() != null) {
            return new MessageRequest.HeaderArgument(
                    null, "image", header.image().link());
        }
        if (header.video() != null) {
            return new MessageRequest.HeaderArgument(
                    null, "video", header.video().link());
        }
        return new MessageRequest.HeaderArgument(
                null,
                "document",
                java.util.Objects.requireNonNull(header.document()).link());
    }

    private static Map<Integer, String> buttons(@Nullable List<ButtonPart> buttons) {
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        for (ButtonPart button : buttons == null ? List.<ButtonPart>of() : buttons) {
            byIndex.put(button.index(), button.parameter());
        }
        return byIndex;
    }

    /** An array fills {{1}}, {{2}}… in order; an object names the variables; values are text or numbers. */
    private static MessageRequest.Arguments arguments(@Nullable JsonNode parameters) {
        if (parameters == null || parameters.isNull()) {
            return MessageRequest.Arguments.none();
        }
        if (parameters.isArray()) {
            List<String> values = new ArrayList<>();
            for (JsonNode value : parameters) {
                values.add(scalar(value));
            }
            return new MessageRequest.Arguments(values, null);
        }
        if (parameters.isObject()) {
            Map<String, String> named = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : parameters.properties()) {
                named.put(entry.getKey(), scalar(entry.getValue()));
            }
            return new MessageRequest.Arguments(null, named);
        }
        throw new IllegalArgumentException("parameters must be an array or an object");
    }

    private static String scalar(JsonNode value) {
        if (value.isString() || value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        throw new IllegalArgumentException("a parameter is text or a number");
    }

    private static boolean httpUrl(@Nullable String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute()
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The refused fields of a request, each once (the first reason given for it). */
    private static final class Refusals {

        private final List<InvalidFields.Refusal> all = new ArrayList<>();
        private final Set<String> fields = new HashSet<>();

        void add(InvalidFields.Refusal refusal) {
            if (fields.add(refusal.field())) {
                all.add(refusal);
            }
        }

        boolean isEmpty() {
            return all.isEmpty();
        }
    }

    private static InvalidFields.Refusal refusal(String field, String key) {
        return new InvalidFields.Refusal(field, key, List.of());
    }

    /** The body's fingerprint: the same request, whatever its spacing, hashes the same. */
    private String hash(SendMessage body) {
        byte[] canonical = json.writeValueAsBytes(json.valueToTree(body));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
