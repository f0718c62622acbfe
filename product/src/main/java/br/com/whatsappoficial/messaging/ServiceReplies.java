package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.webhook.InboundMessageReceived;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Free-form replies of the store's own features (not the campaign engine's) to a customer who just wrote:
 * they go through the same outbox, pacing and status tracking as the engine's messages, but only inside the
 * window the customer's message opened, so they never take a slot of the proactive budget.
 */
@Component
public class ServiceReplies {

    private final MessageIntake intake;
    private final ServiceWindows windows;

    ServiceReplies(MessageIntake intake, ServiceWindows windows) {
        this.intake = intake;
        this.windows = windows;
    }

    /**
     * Queues, as the current store, a text with one button that opens {@code url} in answer to {@code
     * inbound}; answering the same inbound message again returns the message queued the first time.
     *
     * @return our id of the queued message, as the store's message list shows it
     * @throws ServiceReplyRefused when the reply may not go; nothing was queued then
     */
    public UUID replyWithLink(InboundMessageReceived inbound, String body, String buttonLabel, String url) {
        Recipient recipient = recipient(inbound);
        // The message itself proves the window, whether or not its own listener recorded it yet.
        windows.customerWrote(inbound.phoneNumberId(), recipient.customer(), inbound.sentAt());
        MessageContent content = new MessageContent.Link(body, url, buttonLabel);
        MessageRequest request = new MessageRequest(
                recipient.to() != null ? recipient.to() : recipient.input(),
                recipient.to() == null,
                new MessageRequest.Ready(content),
                null,
                null);
        try {
            return intake.queue("service-reply:" + inbound.messageId(), hash(body, buttonLabel, url), request)
                    .id()
                    .value();
        } catch (SendProblem.OutsideWindow outside) {
            throw new ServiceReplyRefused(ServiceReplyRefused.Reason.WINDOW_CLOSED);
        } catch (SendProblem.OptedOut optedOut) {
            throw new ServiceReplyRefused(ServiceReplyRefused.Reason.OPTED_OUT);
        } catch (NumberNotReady notReady) {
            throw new ServiceReplyRefused(ServiceReplyRefused.Reason.NUMBER_NOT_READY);
        }
    }

    private Recipient recipient(InboundMessageReceived inbound) {
        if (inbound.from() != null) {
            return Recipient.ofNumber("+" + inbound.from())
                    .orElseThrow(() -> new ServiceReplyRefused(ServiceReplyRefused.Reason.UNKNOWN_CUSTOMER));
        }
        if (inbound.fromUserId() != null) {
            Recipient byUserId = Recipient.ofUserId(inbound.fromUserId())
                    .orElseThrow(() -> new ServiceReplyRefused(ServiceReplyRefused.Reason.UNKNOWN_CUSTOMER));
            return windows.linkedCustomer(byUserId.userId())
                    .map(byUserId::linkedTo)
                    .orElse(byUserId);
        }
        throw new ServiceReplyRefused(ServiceReplyRefused.Reason.UNKNOWN_CUSTOMER);
    }

    /** Ties the inbound message's key to what was answered: a replay with other words is a conflict, not a resend. */
    private static String hash(String body, String buttonLabel, String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", body, buttonLabel, url).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
