package br.com.whatsappoficial.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * One approved template without variables to one number, for the product's own pages (Testar a conta): it
 * takes the same path as a campaign's message (recipient, suppression list, proactive budget, outbox), so
 * it costs a budget slot like any proactive send and is refused for the same reasons, as an {@link
 * br.com.whatsappoficial.api.ApiProblem}.
 */
@Component
public class TemplateSends {

    private final MessageIntake intake;

    TemplateSends(MessageIntake intake) {
        this.intake = intake;
    }

    /**
     * Queues the template and answers our id of the message, the one Meta echoes back in each status as
     * {@code biz_opaque_callback_data}. The same {@code idempotencyKey} within 24 h answers the message it
     * queued then, so a repeated call never sends (nor spends) twice.
     */
    public String send(String recipient, String templateName, String language, String idempotencyKey) {
        MessageRequest request = new MessageRequest(
                recipient,
                false,
                new MessageRequest.Template(templateName, language, MessageRequest.Arguments.none()),
                null,
                null);
        String asked = "template-send\n" + recipient + "\n" + templateName + "\n" + language;
        return intake.queue(idempotencyKey, sha256(asked), request).id().toString();
    }

    /** The request's fingerprint in the 64 hex digits the idempotency table keeps. */
    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
