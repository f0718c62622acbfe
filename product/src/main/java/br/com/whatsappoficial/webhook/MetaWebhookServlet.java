package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.meta.WebhookSignature;
import br.com.whatsappoficial.webhook.WebhookMetrics.RequestOutcome;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Meta's webhook callback at {@code /webhooks/meta}. A POST is answered 200 only once its events are
 * committed to the inbox: Meta retries anything else (for up to 7 days) and never resends what it saw
 * acknowledged.
 *
 * <p>A plain servlet rather than a controller: Meta calls it at three times the outbound message rate,
 * and Spring MVC's dispatch (handler lookup, argument resolution, interceptors) was a fifth of the CPU
 * of each acknowledgement, for two fixed operations that need none of it.
 */
class MetaWebhookServlet extends HttpServlet {

    static final String PATH = "/webhooks/meta";

    /** A separate logger, so that refused signatures can be routed to the security log. */
    private static final Logger SECURITY = LoggerFactory.getLogger("security.webhook");

    private final MetaSettings meta;
    private final WebhookSettings settings;
    private final WebhookInbox inbox;
    private final InboxWriter writer;
    private final WebhookMetrics metrics;
    private final InboxWorkers workers;
    /** The current app secret and, during a rotation, the previous one: settings that never change. */
    private final List<String> secrets;

    MetaWebhookServlet(
            MetaSettings meta,
            WebhookSettings settings,
            WebhookInbox inbox,
            InboxWriter writer,
            WebhookMetrics metrics,
            InboxWorkers workers) {
        this.meta = meta;
        this.settings = settings;
        this.inbox = inbox;
        this.writer = writer;
        this.metrics = metrics;
        this.workers = workers;
        this.secrets = secrets(meta, settings);
    }

    /** Meta's verification handshake when the callback URL is configured: echo the challenge. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String mode = request.getParameter("hub.mode");
        String token = request.getParameter("hub.verify_token");
        String challenge = request.getParameter("hub.challenge");
        boolean tokenMatches = token != null
                && MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8),
                        meta.webhookVerifyToken().getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !tokenMatches || challenge == null) {
            SECURITY.warn("Refused a webhook verification: mode or verify token did not match");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        // The challenge is echoed as it came: plain text that no browser may sniff as a page.
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(challenge);
    }

    /** Stores a POST's events and answers with an empty body. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Timer.Sample ack = metrics.startAck();
        RequestOutcome outcome = handle(request, request.getHeader(WebhookSignature.HEADER));
        metrics.acknowledged(ack, outcome);
        response.setStatus(
                switch (outcome) {
                    case ACCEPTED, MALFORMED -> HttpServletResponse.SC_OK;
                    case BAD_SIGNATURE -> HttpServletResponse.SC_UNAUTHORIZED;
                    case TOO_LARGE -> HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
                    case UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
                });
        response.setContentLength(0);
    }

    private RequestOutcome handle(HttpServletRequest request, @Nullable String signature) throws IOException {
        byte @Nullable [] body = readCapped(request);
        if (body == null) {
            return RequestOutcome.TOO_LARGE;
        }
        if (!WebhookSignature.matches(signature, body, secrets)) {
            SECURITY.warn(
                    "Refused a webhook POST from {}: {} X-Hub-Signature-256",
                    request.getRemoteAddr(),
                    signature == null ? "missing" : "bad");
            return RequestOutcome.BAD_SIGNATURE;
        }
        try {
            List<InboxEvent> events;
            try {
                events = WebhookEnvelope.events(body);
            } catch (MalformedWebhook malformed) {
                // Signed by Meta, so a retry would bring the same bytes: keep them for a person, answer 200.
                inbox.quarantineMalformed(body, QuarantineCause.MALFORMED.reason(malformed.getMessage()));
                return RequestOutcome.MALFORMED;
            }
            metrics.eventsStored(writer.store(events));
            workers.wakeUp();
            return RequestOutcome.ACCEPTED;
        } catch (DataAccessException | TransactionException unavailable) {
            // Not committed: Meta must retry, so never 200 here.
            return RequestOutcome.UNAVAILABLE;
        }
    }

    /**
     * The body, or null when it is over the cap. A declared length over the cap is refused before
     * reading anything; a chunked body is read only up to the cap plus one byte.
     */
    private byte @Nullable [] readCapped(HttpServletRequest request) throws IOException {
        long max = settings.maxBodyBytes().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            return body.length > max ? null : body;
        }
    }

    private static List<String> secrets(MetaSettings meta, WebhookSettings settings) {
        String previous = settings.previousAppSecret();
        return previous == null || previous.isBlank() ? List.of(meta.appSecret()) : List.of(meta.appSecret(), previous);
    }
}
