package br.com.whatsappoficial.template;

import br.com.whatsappoficial.api.ApiLanguage;
import br.com.whatsappoficial.api.CampaignApi;
import br.com.whatsappoficial.api.InvalidFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/v1/templates}: the campaign engine lists the store's templates with Meta's status, reads one
 * by name and language, and creates one, which goes to Meta's review at once ({@code 201} with
 * {@code PENDING}; the status then follows Meta's webhooks).
 */
@CampaignApi
@Tag(name = "Templates")
class TemplatesApiController {

    private final Templates templates;
    private final MessageSource messages;

    TemplatesApiController(Templates templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    @Schema(description = "A message template of the store as Meta holds it.")
    record TemplateResource(
            @Schema(description = "Meta's template id") String id,
            @Schema(example = "pedido_enviado") String name,
            @Schema(example = "pt_BR") String language,

            @Schema(description = "MARKETING, UTILITY or AUTHENTICATION; null when Meta gave none", nullable = true)
            @Nullable
            String category,

            @Schema(description = "the category it was created with, when Meta recategorised it", nullable = true)
            @Nullable
            String previousCategory,

            @Schema(
                    description = "Meta's status as Meta wrote it (APPROVED, PENDING, REJECTED, PAUSED, DISABLED,"
                            + " IN_APPEAL, PENDING_DELETION, DELETED, LIMIT_EXCEEDED, ARCHIVED, or one Meta adds"
                            + " later); only APPROVED templates can be sent",
                    example = "APPROVED")
            String status,

            @Schema(description = "why Meta rejected, paused or disabled it", nullable = true) @Nullable
            Rejection rejection,

            @Schema(description = "GREEN, YELLOW, RED or UNKNOWN; null before Meta rated it", nullable = true) @Nullable
            String quality,

            @Schema(
                    description = "`positional` ({{1}}, {{2}}: send parameters as an array) or `named` ({{nome}}:"
                            + " send them as an object)")
            String parameterFormat,

            @Schema(description = "the body's variables a send must fill, in order", example = "[\"1\", \"2\"]")
            List<String> variables,

            Components components,
            Instant updatedAt) {}

    record Rejection(
            @Schema(description = "Meta's reason code", example = "PROMOTIONAL")
            String reason,

            @Schema(description = "what it means, in the language of Accept-Language")
            String explanation,

            @Schema(description = "what to change") String fix) {}

    record Components(
            @Schema(description = "TEXT, or IMAGE, VIDEO, DOCUMENT: a send then gives `header` with the file's link")
            String headerFormat,

            @Nullable String header,
            String body,
            @Nullable String footer,
            List<Button> buttons) {}

    record Button(
            @Schema(description = "QUICK_REPLY, URL, PHONE_NUMBER or OTHER")
            String type,

            String text,

            @Schema(description = "the URL of a URL button or the number of a PHONE_NUMBER button", nullable = true)
            @Nullable
            String value,

            @Schema(
                    description = "a URL ending in {{1}}: each send gives that end in `template.buttons`; this is"
                            + " the example Meta reviewed",
                    nullable = true,
                    example = "pedido/1001")
            @Nullable
            String example) {}

    @Schema(description = "A template to create at Meta.")
    record NewTemplateRequest(
            @NotBlank @Schema(example = "pedido_enviado", description = "lowercase letters, digits and _")
            String name,

            @NotNull TemplateCategory category,

            @Schema(example = "pt_BR", description = "default pt_BR") @Nullable
            String language,

            @NotBlank @Schema(example = "Olá {{1}}, seu pedido saiu para entrega e chega até {{2}}.")
            String body,

            @Schema(
                    description = "the examples Meta reviews the body with: an array for {{1}}, {{2}}…, an object for"
                            + " {{nome}}…",
                    example = "[\"Ana\", \"sexta-feira\"]")
            @Nullable
            Object examples,

            @Nullable String header,

            @Schema(description = "the example of the header's one variable, when it has one") @Nullable
            String headerExample,

            @Nullable String footer,
            @Nullable List<@Valid ButtonRequest> buttons) {}

    record ButtonRequest(
            @NotNull TemplateButton.Type type,
            @NotBlank String text,

            @Schema(
                    description = "a URL button's link, which may end in {{1}} (`https://loja.com.br/pedido/{{1}}`),"
                            + " or a PHONE_NUMBER button's number",
                    nullable = true)
            @Nullable
            String value,

            @Schema(
                    description = "for a link ending in {{1}}: an example of that end, which Meta reviews",
                    example = "pedido/1001",
                    nullable = true)
            @Nullable
            String example) {}

    @GetMapping(path = "/templates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The store's templates",
            description = "Every template of the store's WhatsApp Business"
                    + " Accounts with Meta's status, by name; deleted ones last.")
    Map<String, List<TemplateResource>> list(HttpServletRequest request) {
        Locale locale = ApiLanguage.of(request);
        return Map.of(
                "data",
                templates.list().stream()
                        .map(template -> resource(template, locale))
                        .toList());
    }

    @GetMapping(path = "/templates/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One template by name and language")
    @ApiResponse(responseCode = "200", description = "The template")
    @ApiResponse(
            responseCode = "404",
            description = "`not_found`: no template of this name and language in this store",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    TemplateResource one(
            @PathVariable String name,
            @RequestParam(defaultValue = "pt_BR") String language,
            HttpServletRequest request) {
        return templates
                .find(name, language)
                .map(template -> resource(template, ApiLanguage.of(request)))
                .orElseThrow(() -> new TemplateApiProblem.NotFound(name, language));
    }

    @PostMapping(
            path = "/templates",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a template",
            description = "Checked against Meta's rules first (a refusal names each field and costs no creation),"
                    + " then sent to Meta's review. Meta allows 100 creations per WhatsApp Business Account per hour.")
    @ApiResponse(responseCode = "201", description = "Created at Meta, usually `PENDING`")
    @ApiResponse(
            responseCode = "400",
            description = "`validation`: what Meta would refuse, field by field",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "`number_not_ready`: no connected WhatsApp Business Account whose access Meta still accepts",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "429",
            description = "`template_creations_exhausted`: the hour's creations are used up; `retryAt` says when",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "422",
            description = "`template_not_created`: Meta refused it (`metaCode`, `metaMessage`)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "503",
            description = "`meta_unavailable`: Meta did not answer; nothing was created, try again later",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<TemplateResource> create(@Valid @RequestBody NewTemplateRequest body, HttpServletRequest request) {
        NewTemplate template = new NewTemplate(
                body.name(),
                body.category(),
                body.language(),
                body.header(),
                body.headerExample(),
                body.body(),
                body.footer(),
                body.buttons() == null
                        ? List.of()
                        : body.buttons().stream()
                                .map(button -> new TemplateButton(
                                        button.type(), button.text(), button.value(), button.example()))
                                .toList(),
                examples(body.examples()),
                null,
                null);
        TemplateDetails created;
        try {
            created = templates.create(template);
        } catch (TemplateRefused refused) {
            throw new InvalidFields(refused.problems().stream()
                    .map(problem -> new InvalidFields.Refusal(
                            problem.field(), problem.messageKey(), List.of(problem.arg(0), problem.arg(1))))
                    .toList());
        } catch (TemplateCreationsExhausted exhausted) {
            throw new TemplateApiProblem.CreationsExhausted(exhausted);
        } catch (NoWabaForTemplates none) {
            throw new TemplateApiProblem.NoWaba();
        } catch (TemplateNotCreated notCreated) {
            throw notCreated.code() < 0
                    ? new TemplateApiProblem.MetaUnavailable()
                    : new TemplateApiProblem.RefusedByMeta(notCreated);
        }
        return ResponseEntity.created(
                        URI.create("/api/v1/templates/" + created.name() + "?language=" + created.language()))
                .body(resource(created, ApiLanguage.of(request)));
    }

    /**
     * The examples as the engine sends them: an array fills {{1}}, {{2}}… in order, an object names the
     * variables; anything else is refused as the field it is.
     */
    private static Map<String, String> examples(@Nullable Object examples) {
        Map<String, String> byVariable = new LinkedHashMap<>();
        if (examples instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                byVariable.put(String.valueOf(i + 1), String.valueOf(list.get(i)));
            }
        } else if (examples instanceof Map<?, ?> map) {
            map.forEach((name, value) -> byVariable.put(String.valueOf(name), String.valueOf(value)));
        } else if (examples != null) {
            throw new InvalidFields(
                    List.of(new InvalidFields.Refusal("examples", "api.templates.examples-shape", List.of())));
        }
        return byVariable;
    }

    private TemplateResource resource(TemplateDetails template, Locale locale) {
        TemplateContent content = template.content();
        RejectionReason reason = template.reason();
        return new TemplateResource(
                template.id(),
                template.name(),
                template.language(),
                template.category() == null ? null : template.category().name(),
                template.previousCategory() == null
                        ? null
                        : template.previousCategory().name(),
                template.status().value(),
                reason == null
                        ? null
                        : new Rejection(
                                reason.value(),
                                messages.getMessage(reason.textKey(), null, reason.value(), locale),
                                messages.getMessage(reason.fixKey(), null, "", locale)),
                template.quality(),
                template.parameterFormat().name().toLowerCase(Locale.ROOT),
                template.variables(),
                new Components(
                        content.mediaHeader() == null
                                ? "TEXT"
                                : content.mediaHeader().format().name(),
                        content.header(),
                        content.body(),
                        content.footer(),
                        content.buttons().stream()
                                .map(button -> new Button(
                                        button.type().name(), button.text(), button.value(), button.example()))
                                .toList()),
                template.updatedAt());
    }
}
