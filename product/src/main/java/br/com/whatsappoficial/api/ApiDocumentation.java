package br.com.whatsappoficial.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API's OpenAPI description ({@code /v3/api-docs}, Swagger UI at {@code /api/docs}): the bearer key
 * scheme, the problem shape with every code, and the 401 every operation may answer. Resources add
 * themselves through their {@link CampaignApi} controllers.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String SECURITY_SCHEME = "apiKey";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /**
     * The description is public, like any API reference: it holds no store's data. Swagger UI styles its
     * elements inline, which the pages' policy forbids; scripts stay ours only.
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocumentationPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/api/docs", "/api/swagger-ui/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(String.join(
                        "; ",
                        "default-src 'self'",
                        "script-src 'self'",
                        "style-src 'self' 'unsafe-inline'",
                        "img-src 'self' data:",
                        "connect-src 'self'",
                        "object-src 'none'",
                        "base-uri 'self'",
                        "form-action 'self'",
                        "frame-ancestors 'none'"))));
        return http.build();
    }

    @Bean
    OpenAPI campaignApiDescription() {
        return new OpenAPI()
                .info(new Info()
                        .title("WhatsApp Oficial — Campaign API")
                        .version("v1")
                        .description(DESCRIPTION + codes()))
                .components(new Components()
                        .addSecuritySchemes(
                                SECURITY_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("wo_live_… / wo_test_…")
                                        .description("A key of the store, created by an admin in Configurações ›"
                                                + " WhatsApp Oficial › API. `wo_test_` keys work only on a"
                                                + " sandbox node, `wo_live_` keys only on a live one."))
                        .addSchemas(PROBLEM, problemSchema())
                        .addSchemas("InvalidField", invalidFieldSchema()))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
    }

    /**
     * Every operation may be refused for its key, or fail on our side: both in the problem shape. Any
     * other refusal a controller lists (4xx, 5xx) is a problem too, so controllers name only its status
     * and codes.
     */
    @Bean
    OpenApiCustomizer everyOperationAnswersProblems() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(ApiDocumentation::problems));
        };
    }

    private static void problems(Operation operation) {
        operation.getResponses().forEach((status, response) -> {
            // springdoc gives every listed status the method's return type; a refusal is never that.
            if (status.matches("[45]\\d\\d")
                    && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.setContent(problem(response.getDescription()).getContent());
            }
        });
        operation
                .getResponses()
                .addApiResponse("401", problem("No key, or an unknown or revoked key (`unauthorized`)."));
        operation.getResponses().addApiResponse("500", problem("Our failure (`internal_error`); retry later."));
    }

    static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details, with the stable `code` to branch on.")
                .addProperty("type", new StringSchema().example("urn:whatsapp-oficial:problem:validation"))
                .addProperty("title", new StringSchema().description("pt-BR unless Accept-Language asks for English"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().example("/api/v1/limits"))
                .addProperty(
                        "code",
                        new StringSchema()
                                ._enum(Arrays.stream(ProblemCode.values())
                                        .map(ProblemCode::code)
                                        .toList()))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("Only in `validation`: each invalid field")
                                .items(new Schema<>().$ref("#/components/schemas/InvalidField")))
                .required(List.of("type", "title", "status", "detail", "code"));
    }

    private static Schema<?> invalidFieldSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().example("template.name"))
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
    }

    private static String codes() {
        return Arrays.stream(ProblemCode.values())
                .map(code -> "| `" + code.code() + "` | " + code.status().value() + " |")
                .collect(Collectors.joining("\n", "\n\n| code | status |\n|---|---|\n", "\n"));
    }

    private static final String DESCRIPTION = """
            The API the platform's campaign engine uses to send through a store's connected WhatsApp number.

            **Authentication**: `Authorization: Bearer <key>` on every request. A key belongs to one store; \
            every answer is about that store only, and another store's resource is answered 404.

            **Errors**: `application/problem+json` with `type`, `title` (pt-BR, or English with \
            `Accept-Language: en`), `status`, `detail` and a stable machine `code`:""";
}
