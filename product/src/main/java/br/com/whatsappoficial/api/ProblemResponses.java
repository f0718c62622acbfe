package br.com.whatsappoficial.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the API's one error shape (RFC 9457): {@code type}, {@code title} in the engine's language,
 * {@code status}, {@code detail}, {@code instance} and the stable {@code code}. The language comes from
 * Accept-Language alone (pt-BR unless English is asked): an engine has no cookie and no {@code ?lang=}.
 */
@Component
class ProblemResponses {

    /** Not a web page: the code is the identifier, and this URN says so without promising a document. */
    static final String TYPE_PREFIX = "urn:whatsapp-oficial:problem:";

    private final MessageSource messages;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    Locale locale(HttpServletRequest request) {
        return ApiLanguage.of(request);
    }

    ProblemDetail problem(HttpServletRequest request, ProblemCode code, Object... detailArguments) {
        Locale locale = locale(request);
        ProblemDetail problem = ProblemDetail.forStatus(code.status());
        problem.setType(URI.create(TYPE_PREFIX + code.code()));
        problem.setTitle(messages.getMessage(code.titleKey(), null, locale));
        problem.setDetail(messages.getMessage(code.detailKey(), detailArguments, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code.code());
        return problem;
    }

    ProblemDetail validation(HttpServletRequest request, List<InvalidField> errors) {
        ProblemDetail problem = problem(request, ProblemCode.VALIDATION, errors.size());
        problem.setProperty("errors", errors);
        return problem;
    }

    String message(HttpServletRequest request, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale(request));
    }

    String message(org.springframework.context.MessageSourceResolvable resolvable, HttpServletRequest request) {
        return messages.getMessage(resolvable, locale(request));
    }

    /** For answers written before Spring MVC is reached (authentication). */
    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", String.valueOf(problem.getInstance()));
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
