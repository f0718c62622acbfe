package br.com.metasandbox.graph;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Writes every sandbox Graph failure as Meta's error envelope with a fresh {@code fbtrace_id} (contract §8). */
@RestControllerAdvice(annotations = GraphApi.class)
class GraphErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(GraphErrorResponses.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] TRACE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    @ExceptionHandler(GraphRefusal.class)
    ResponseEntity<Map<String, Object>> graphError(GraphRefusal error) {
        return envelope(error);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> methodNotSupported(HttpRequestMethodNotSupportedException e) {
        return envelope(GraphRefusal.param("Unsupported " + e.getMethod() + " request"));
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeException e) {
        return envelope(GraphRefusal.invalidParameter("Unsupported content type."));
    }

    /** Graph's catch-all for its own failures: code 1, transient (the exact text is unverified). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("Meta sandbox failed to answer a Graph call", e);
        return envelope(new GraphRefusal(500, GraphRefusal.OAUTH, 1, null, "An unknown error occurred", null, true));
    }

    static ResponseEntity<Map<String, Object>> envelope(GraphRefusal error) {
        String trace = fbtraceId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.getMessage());
        body.put("type", error.type());
        body.put("code", error.code());
        if (error.details() != null) {
            body.put("error_data", Map.of("messaging_product", "whatsapp", "details", error.details()));
        }
        if (error.subcode() != null) {
            body.put("error_subcode", error.subcode());
        }
        if (error.transientError()) {
            body.put("is_transient", true);
        }
        body.put("fbtrace_id", trace);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(error.httpStatus())
                .contentType(MediaType.APPLICATION_JSON)
                .header("x-fb-trace-id", trace);
        if (error.code() == 190 || error.code() == 104) {
            // Graph names the OAuth failure in WWW-Authenticate too (unverified for WhatsApp endpoints).
            response.header(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "OAuth \"Facebook Platform\" \"invalid_token\" \""
                            + error.getMessage().replace("\"", "'") + "\"");
        }
        return response.body(Map.of("error", body));
    }

    /** Looks like Meta's trace ids ("Az8or2yhqkZfEZ-_4Qn_Bam"): 23 url-safe characters. */
    static String fbtraceId() {
        char[] id = new char[23];
        id[0] = 'A';
        for (int i = 1; i < id.length; i++) {
            id[i] = TRACE_ALPHABET[RANDOM.nextInt(TRACE_ALPHABET.length)];
        }
        return new String(id);
    }
}
