package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.meta.WebhookSignature;
import br.com.whatsappoficial.store.StoreId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Meta's side of the webhook: signed POSTs over HTTP to the running product. */
final class MetaWebhooks {

    static final String SECRET = "sandbox-app-secret";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    MetaWebhooks(int port) {
        this.port = port;
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    int post(String body) {
        return post(body, WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), SECRET));
    }

    int post(String body, @Nullable String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/meta"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends only the headers of a POST and reads the answer: proves the body was never waited for. */
    String headersOnly(long contentLength) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "X-Hub-Signature-256: sha256=00\r\nContent-Length: " + contentLength + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return statusLine(socket.getInputStream());
        }
    }

    /**
     * A POST whose body comes one byte every {@code pause}, never finishing; the status line of the
     * answer, or what the socket saw when the server closed it without one.
     */
    String trickled(java.time.Duration pause) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            // Only a guard against a server that never answers: the server's own deadline ends the test.
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "X-Hub-Signature-256: sha256=00\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var sender = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            sender.scheduleAtFixedRate(
                    () -> {
                        try {
                            out.write(' ');
                            out.flush();
                        } catch (IOException closed) {
                            // The server answered and closed the connection.
                            throw new java.io.UncheckedIOException(closed);
                        }
                    },
                    0,
                    pause.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            try {
                return statusLine(socket.getInputStream());
            } finally {
                sender.shutdownNow();
            }
        }
    }

    /** A chunked POST (no Content-Length) of {@code total} bytes; the status line of the answer. */
    String chunked(long total) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "X-Hub-Signature-256: sha256=00\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            long sent = 0;
            try {
                while (sent < total) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByServer) {
                // The server may answer and close before the rest is sent: the answer is what counts.
            }
            return statusLine(socket.getInputStream());
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\r') {
            line.append((char) c);
        }
        return line.toString();
    }

    static String inbound(String wabaId, String phoneNumberId, String messageId, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"5511987654321","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"Ana Souza"},"wa_id":"5511912345678"}],
                  "messages":[{"from":"5511912345678","id":"%s","timestamp":"1749416383","type":"text",
                   "text":{"body":"%s"}}]}}]}]}""".formatted(wabaId, phoneNumberId, messageId, text);
    }

    /** Customers' texts to one number in one POST, one change each: the inbox stores them in one commit. */
    static String inbounds(String wabaId, String phoneNumberId, List<String> messageIds) {
        StringBuilder changes = new StringBuilder();
        for (String messageId : messageIds) {
            changes.append(changes.isEmpty() ? "" : ",").append("""
                    {"field":"messages","value":{"messaging_product":"whatsapp",
                      "metadata":{"display_phone_number":"5511987654321","phone_number_id":"%s"},
                      "contacts":[{"profile":{"name":"Ana Souza"},"wa_id":"5511912345678"}],
                      "messages":[{"from":"5511912345678","id":"%s","timestamp":"1749416383","type":"text",
                       "text":{"body":"Oi"}}]}}""".formatted(phoneNumberId, messageId));
        }
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[%s]}]}""".formatted(wabaId, changes);
    }

    /**
     * A status the product cannot read (its time is not a Unix timestamp): quarantined at once. A status
     * value Meta adds later is not unreadable: it is kept as it came.
     */
    static String unreadableStatus(String wabaId, String phoneNumberId, String messageId) {
        return statuses(wabaId, phoneNumberId, messageId, "sent").replace("\"1750030073\"", "\"ontem\"");
    }

    static String statuses(String wabaId, String phoneNumberId, String messageId, String... statuses) {
        StringBuilder items = new StringBuilder();
        for (String status : statuses) {
            if (!items.isEmpty()) {
                items.append(',');
            }
            items.append("""
                    {"id":"%s","status":"%s","timestamp":"1750030073","recipient_id":"5511912345678",
                     "biz_opaque_callback_data":"camp-42:msg-9"}""".formatted(messageId, status));
        }
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"5511987654321","phone_number_id":"%s"},
                  "statuses":[%s]}}]}]}""".formatted(wabaId, phoneNumberId, items);
    }

    static String nameUpdate(String wabaId, long time, String decision) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","time":%d,"changes":[
                 {"field":"phone_number_name_update","value":{"display_phone_number":"5511987654321",
                  "decision":"%s","requested_verified_name":"Loja Exemplo","rejection_reason":null}}]}]}""".formatted(wabaId, time, decision);
    }

    /** Records a WABA and its number as connected by {@code owner}, as onboarding would. */
    static void connect(JdbcClient jdbc, StoreId owner, String wabaId, String phoneNumberId) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql(
                        "insert into wabas (waba_id, store_id, business_token, connected_at) values (:waba, :store, :token, :now)")
                .param("waba", wabaId)
                .param("store", owner.value())
                .param("token", new byte[] {1, 2, 3})
                .param("now", now)
                .update();
        jdbc.sql("insert into phone_numbers (phone_number_id, store_id, waba_id, e164, created_at)"
                        + " values (:phone, :store, :waba, '+5511912345678', :now)")
                .param("phone", phoneNumberId)
                .param("store", owner.value())
                .param("waba", wabaId)
                .param("now", now)
                .update();
    }
}
