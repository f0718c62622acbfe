package br.com.metasandbox.graph;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/**
 * A Graph API error as Meta answers it: {@code {"error":{"message","type","code","error_subcode",
 * "error_data","fbtrace_id"}}} with an HTTP status (contract §8). Thrown anywhere in the sandbox and
 * written by {@link GraphErrorResponses}.
 */
public final class GraphRefusal extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String OAUTH = "OAuthException";
    static final String GRAPH_METHOD = "GraphMethodException";

    private final int httpStatus;
    private final String type;
    private final int code;
    private final @Nullable Integer subcode;
    private final @Nullable String details;
    private final boolean transientError;

    GraphRefusal(
            int httpStatus,
            String type,
            int code,
            @Nullable Integer subcode,
            String message,
            @Nullable String details,
            boolean transientError) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.type = type;
        this.code = code;
        this.subcode = subcode;
        this.details = details;
        this.transientError = transientError;
    }

    /** A WhatsApp error of the catalog: "(#code) title" with {@code error_data.details}. */
    static GraphRefusal of(int code, @Nullable String details) {
        GraphErrorCatalog.Entry entry = GraphErrorCatalog.entry(code);
        return new GraphRefusal(
                entry.httpStatus(),
                OAUTH,
                code,
                null,
                "(#" + code + ") " + entry.title(),
                details,
                entry.transientError());
    }

    /** Code 100 with a reason; Meta's exact wording of parameter errors is mostly undocumented (unverified). */
    public static GraphRefusal invalidParameter(String details) {
        return of(100, details);
    }

    /** Code 100 whose message is the reason itself, as Graph writes many of them: "(#100) reason". */
    static GraphRefusal param(String reason) {
        return new GraphRefusal(400, OAUTH, 100, null, "(#100) " + reason, null, false);
    }

    /** The WhatsApp code for a missing parameter of a message (contract §8). */
    static GraphRefusal missingParameter(String name) {
        return of(131008, "The parameter " + name + " is required.");
    }

    /** Graph's answer for an object that does not exist or that this token may not see [code: Graph SDK issues]. */
    static GraphRefusal unsupportedRequest(String method, String id) {
        return new GraphRefusal(
                400,
                GRAPH_METHOD,
                100,
                33,
                "Unsupported " + method.toLowerCase(java.util.Locale.ROOT) + " request. Object with ID '" + id
                        + "' does not exist, cannot be loaded due to missing permissions, or does not support this"
                        + " operation. Please read the Graph API documentation at"
                        + " https://developers.facebook.com/docs/graph-api",
                null,
                false);
    }

    /** [code: Graph SDK issues] "Unknown path components: /x/y", code 2500. */
    static GraphRefusal unknownPath(String path) {
        return new GraphRefusal(400, OAUTH, 2500, null, "Unknown path components: " + path, null, false);
    }

    /** A name that is not a numeric id and not an alias Graph knows (code 803; HTTP 404 is unverified). */
    static GraphRefusal unknownAlias(String alias) {
        return new GraphRefusal(
                404, OAUTH, 803, null, "(#803) Some of the aliases you requested do not exist: " + alias, null, false);
    }

    /** "(#100) Tried accessing nonexisting field (x) on node type (T)" [code: Graph SDK issues]. */
    static GraphRefusal nonexistingField(String field, String nodeType) {
        return param("Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")");
    }

    static GraphRefusal oauth(int httpStatus, int code, @Nullable Integer subcode, String message) {
        return new GraphRefusal(httpStatus, OAUTH, code, subcode, message, null, false);
    }

    int httpStatus() {
        return httpStatus;
    }

    String type() {
        return type;
    }

    int code() {
        return code;
    }

    @Nullable
    Integer subcode() {
        return subcode;
    }

    @Nullable
    public String details() {
        return details;
    }

    boolean transientError() {
        return transientError;
    }
}
