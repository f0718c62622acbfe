package br.com.metasandbox.graph;

import br.com.metasandbox.state.SandboxIds;
import br.com.metasandbox.state.SandboxUploads;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The Resumable Upload API (contract §5): open a session, send the bytes from a {@code file_offset}
 * header, ask how far it got. The handle {@code h} of a complete upload is what the business profile
 * accepts as {@code profile_picture_handle}.
 */
@Component
class ResumableUploads {

    /** Profile pictures are at most 5 MB [contract §5]; the sandbox refuses bigger files altogether (unverified). */
    static final long MAX_FILE = 5L * 1024 * 1024;

    static final Set<String> FILE_TYPES =
            Set.of("image/jpeg", "image/jpg", "image/png", "application/pdf", "video/mp4");

    private final SandboxUploads uploads;
    private final Clock clock;

    ResumableUploads(SandboxUploads uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    Map<String, Object> open(String appId, GraphParams params) {
        String fileName = params.text("file_name")
                .filter(name -> !name.isBlank())
                .orElseThrow(() -> GraphRefusal.param("The parameter file_name is required."));
        String fileType =
                params.text("file_type").orElseThrow(() -> GraphRefusal.param("The parameter file_type is required."));
        if (!FILE_TYPES.contains(fileType)) {
            throw GraphRefusal.param("Param file_type must be one of " + FILE_TYPES + ".");
        }
        long length;
        try {
            length = Long.parseLong(params.text("file_length")
                    .orElseThrow(() -> GraphRefusal.param("The parameter file_length is required."))
                    .strip());
        } catch (NumberFormatException e) {
            throw GraphRefusal.param("Param file_length must be a number.");
        }
        if (length < 1 || length > MAX_FILE) {
            throw GraphRefusal.param("Param file_length must be between 1 and " + MAX_FILE + ".");
        }
        String id = SandboxIds.uploadSession();
        uploads.insert(new SandboxUploads.Upload(id, fileName, length, fileType, 0, null), appId, clock.instant());
        return Map.of("id", id);
    }

    /** How many bytes arrived (shape unverified, contract §5). */
    Map<String, Object> status(String id) {
        SandboxUploads.Upload upload = find(id, "GET");
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", upload.id());
        status.put("file_offset", upload.fileOffset());
        return status;
    }

    /**
     * @param cutOff keep only the first half of the bytes sent and answer a 503, as if the connection dropped
     *     mid-way (a sandbox fault; what Meta answers then is not documented): the client must ask for the
     *     offset and resume
     */
    Map<String, Object> append(String id, HttpServletRequest request, boolean cutOff) throws IOException {
        SandboxUploads.Upload upload = find(id, "POST");
        long offset;
        try {
            offset = Long.parseLong(
                    String.valueOf(request.getHeader("file_offset")).strip());
        } catch (NumberFormatException e) {
            throw GraphRefusal.param("The header file_offset is required.");
        }
        if (upload.handle() != null && offset == upload.fileLength()) {
            return Map.of("h", upload.handle());
        }
        if (offset != upload.fileOffset()) {
            throw GraphRefusal.param(
                    "file_offset " + offset + " does not match the " + upload.fileOffset() + " bytes received so far.");
        }
        long room = upload.fileLength() - offset;
        byte[] chunk;
        try (InputStream in = request.getInputStream()) {
            chunk = in.readNBytes((int) room + 1);
        }
        if (chunk.length > room) {
            throw GraphRefusal.param("The upload is longer than file_length (" + upload.fileLength() + " bytes).");
        }
        if (cutOff) {
            chunk = Arrays.copyOf(chunk, chunk.length / 2);
        }
        byte[] sofar = uploads.content(id);
        byte[] content = Arrays.copyOf(sofar, sofar.length + chunk.length);
        System.arraycopy(chunk, 0, content, sofar.length, chunk.length);
        boolean complete = !cutOff && content.length == upload.fileLength();
        String handle = complete ? SandboxIds.uploadHandle() : null;
        if (!uploads.write(id, offset, content, handle)) {
            throw GraphRefusal.param("Another request wrote to this upload session; ask for its file_offset.");
        }
        if (cutOff) {
            throw new GraphRefusal(503, GraphRefusal.OAUTH, 2, null, "Service temporarily unavailable", null, true);
        }
        if (handle != null) {
            return Map.of("h", handle);
        }
        // A partial chunk: Meta's answer is undocumented; the sandbox says how far it got (unverified).
        return Map.of("id", id, "file_offset", content.length);
    }

    /**
     * The session id a request names: the node in the path and its {@code sig} in the query. Without the
     * right sig the session is as unknown as any other id (what Meta answers then is not documented).
     */
    static String sessionId(String node, GraphParams params) {
        return node + params.text("sig").map(sig -> "?sig=" + sig).orElse("");
    }

    private SandboxUploads.Upload find(String id, String method) {
        return uploads.find(id).orElseThrow(() -> GraphRefusal.unsupportedRequest(method, id));
    }
}
