package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.meta.WebhookSignature;
import br.com.whatsappoficial.webhook.WebhookMetrics.RequestOutcome;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
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
    /** One permit per POST reading its body. */
    private final Semaphore readers;
    /** Nanoseconds, for the body's deadline (tests give their own). */
    private final LongSupplier nanoTime;

    MetaWebhookServlet(
            MetaSettings meta,
            WebhookSettings settings,
            WebhookInbox inbox,
            InboxWriter writer,
            WebhookMetrics metrics,
            InboxWorkers workers) {
        this(meta, settings, inbox, writer, metrics, workers, System::nanoTime);
    }

    MetaWebhookServlet(
            MetaSettings meta,
            WebhookSettings settings,
            WebhookInbox inbox,
            InboxWriter writer,
            WebhookMetrics metrics,
            InboxWorkers workers,
            LongSupplier nanoTime) {
        this.readers = new Semaphore(settings.maxConcurrentReads());
        this.nanoTime = nanoTime;
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
                    case TOO_SLOW -> HttpServletResponse.SC_REQUEST_TIMEOUT;
                    case BUSY, UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
                });
        if (outcome == RequestOutcome.BUSY) {
            response.setHeader("Retry-After", "1");
        }
        if (outcome == RequestOutcome.BUSY
                || outcome == RequestOutcome.TOO_SLOW
                || outcome == RequestOutcome.TOO_LARGE) {
            // The rest of the body is not read: the connection cannot serve another request.
            response.setHeader("Connection", "close");
        }
        response.setContentLength(0);
    }

    private RequestOutcome handle(HttpServletRequest request, @Nullable String signature) {
        if (!readers.tryAcquire()) {
            return RequestOutcome.BUSY;
        }
        byte @Nullable [] body;
        try {
            body = readCapped(request);
        } catch (BodyTooSlow | IOException slow) {
            // Tomcat's read timeout, the body's deadline, or a sender that went away.
            return RequestOutcome.TOO_SLOW;
        } finally {
            readers.release();
        }
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
            metrics.eventsStored(writer.store(storable(events)));
            workers.wakeUp();
            return RequestOutcome.ACCEPTED;
        } catch (DataAccessException | TransactionException unavailable) {
            // Not committed: Meta must retry, so never 200 here.
            return RequestOutcome.UNAVAILABLE;
        }
    }

    /** The events that fit their inbox columns; each other one is quarantined on its own. */
    private List<InboxEvent> storable(List<InboxEvent> events) {
        List<InboxEvent> storable = new ArrayList<>(events.size());
        for (InboxEvent event : events) {
            String tooLong = event.tooLong();
            String nul = event.nulCharacter();
            if (tooLong != null) {
                inbox.quarantineUnstorable(event, QuarantineCause.OVERSIZED, tooLong);
            } else if (nul != null) {
                inbox.quarantineUnstorable(event, QuarantineCause.UNSTORABLE, nul);
            } else {
                storable.add(event);
            }
        }
        return storable;
    }

    /**
     * The body, or null when it is over the cap. A declared length over the cap is refused before
     * reading anything; a chunked body is read only up to the cap plus one chunk. A body still arriving
     * after {@code webhook.body-read-timeout} is given up.
     */
    private byte @Nullable [] readCapped(HttpServletRequest request) throws IOException, BodyTooSlow {
        long max = settings.maxBodyBytes().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            return null;
        }
        long deadline = nanoTime.getAsLong() + settings.bodyReadTimeout().toNanos();
        try (InputStream in = request.getInputStream()) {
            if (declared >= 0) {
                // Its length is known (Meta's way): read straight into an array of that size.
                byte[] body = new byte[(int) declared];
                int filled = 0;
                while (filled < body.length) {
                    int read = in.read(body, filled, body.length - filled);
                    if (read == -1) {
                        throw new EOFException("body shorter than its Content-Length");
                    }
                    filled += read;
                    if (filled < body.length && nanoTime.getAsLong() - deadline > 0) {
                        throw new BodyTooSlow();
                    }
                }
                return body;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
            byte[] chunk = new byte[16 * 1024];
            for (int read = in.read(chunk); read != -1; read = in.read(chunk)) {
                body.write(chunk, 0, read);
                if (body.size() > max) {
                    return null;
                }
                if (nanoTime.getAsLong() - deadline > 0) {
                    throw new BodyTooSlow();
                }
            }
            return body.toByteArray();
        }
    }

    /** A body that took longer than its deadline to arrive. */
    private static final class BodyTooSlow extends Exception {
        private BodyTooSlow() {
            super("webhook body took longer than its deadline", null, false, false);
        }
    }

    private static List<String> secrets(MetaSettings meta, WebhookSettings settings) {
        String previous = settings.previousAppSecret();
        return previous == null || previous.isBlank() ? List.of(meta.appSecret()) : List.of(meta.appSecret(), previous);
    }
}
