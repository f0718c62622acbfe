package br.com.whatsappoficial.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure under a {@link CampaignApi} controller into the API's one error shape: an {@link
 * ApiProblem} as itself, Spring MVC's own refusals (unreadable JSON, invalid fields, wrong method...) as
 * the matching code, and anything unexpected as {@code internal_error} without its message, which could
 * hold another store's data or a secret.
 */
@RestControllerAdvice(annotations = CampaignApi.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final ProblemResponses problems;

    ApiProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidFields.class)
    ResponseEntity<ProblemDetail> invalidFields(InvalidFields invalid, HttpServletRequest request) {
        List<InvalidField> errors = invalid.refusals().stream()
                .map(refusal -> new InvalidField(refusal.field(), problems.message(refusal.message(), request)))
                .toList();
        ProblemDetail body = problems.validation(request, errors);
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
        ProblemDetail body = problems.problem(request, problem.code(), problem.detailArguments());
        problem.properties().forEach(body::setProperty);
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) {
        log.error("Campaign API request failed: {} {}", request.getMethod(), request.getRequestURI(), failure);
        ProblemDetail body = problems.problem(request, ProblemCode.INTERNAL_ERROR);
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    /** Every refusal of Spring MVC itself ends here, with the status it chose. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest web) {
        HttpServletRequest request = ((NativeWebRequest) web).getNativeRequest(HttpServletRequest.class);
        List<InvalidField> errors = invalidFields(failure, request);
        ProblemDetail problem = errors != null
                ? problems.validation(request, errors)
                : problems.problem(
                        request, ProblemCode.forStatus(status.value()), request.getMethod(), request.getRequestURI());
        HttpHeaders kept = new HttpHeaders();
        // Allow (405) and Accept (415) tell the engine what would work.
        for (String name : List.of(HttpHeaders.ALLOW, HttpHeaders.ACCEPT)) {
            if (headers.containsHeader(name)) {
                kept.put(name, headers.get(name));
            }
        }
        return ResponseEntity.status(problem.getStatus()).headers(kept).body(problem);
    }

    /** The fields a malformed request got wrong; null when the failure is not about the request's content. */
    private @Nullable List<InvalidField> invalidFields(Exception failure, HttpServletRequest request) {
        return switch (failure) {
            case MethodArgumentNotValidException invalid -> fields(invalid.getBindingResult(), request);
            case HandlerMethodValidationException invalid ->
                invalid.getParameterValidationResults().stream()
                        .flatMap(result -> result.getResolvableErrors().stream()
                                .map(error -> new InvalidField(
                                        result.getMethodParameter().getParameterName() == null
                                                ? "request"
                                                : result.getMethodParameter().getParameterName(),
                                        text(error, request))))
                        .toList();
            case HttpMessageNotReadableException unreadable -> List.of(unreadable(unreadable, request));
            case MissingRequestHeaderException missing ->
                List.of(new InvalidField(
                        missing.getHeaderName(), problems.message(request, "api.problem.validation.required")));
            case MissingServletRequestParameterException missing ->
                List.of(new InvalidField(
                        missing.getParameterName(), problems.message(request, "api.problem.validation.required")));
            case TypeMismatchException mismatch ->
                List.of(new InvalidField(
                        mismatch.getPropertyName() == null ? "request" : mismatch.getPropertyName(),
                        problems.message(request, "api.problem.validation.type")));
            default -> null;
        };
    }

    private List<InvalidField> fields(BindingResult result, HttpServletRequest request) {
        List<InvalidField> fields = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            fields.add(new InvalidField(error.getField(), text(error, request)));
        }
        result.getGlobalErrors()
                .forEach(error -> fields.add(new InvalidField(error.getObjectName(), text(error, request))));
        return fields;
    }

    /** Names the property Jackson choked on; JSON that does not parse at all is the body's fault. */
    private InvalidField unreadable(HttpMessageNotReadableException unreadable, HttpServletRequest request) {
        if (unreadable.getCause() instanceof JacksonException jackson
                && !jackson.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference reference : jackson.getPath()) {
                if (reference.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return new InvalidField(path.toString(), problems.message(request, "api.problem.validation.type"));
        }
        return new InvalidField("body", problems.message(request, "api.problem.validation.json"));
    }

    private String text(MessageSourceResolvable error, HttpServletRequest request) {
        return problems.message(error, request);
    }
}
