package br.com.whatsappoficial.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Which statuses a status report makes us call back with. Callbacks follow the message's status, which
 * only moves forward, so a receiver never hears an older status after a newer one: a report that moves
 * the message sends its new status, preceded by those it skipped (a read before its delivered means it
 * was delivered: the receiver hears sent, delivered, read, each once); a late or repeated report sends
 * nothing. A status we do not know (played, or one Meta adds) is sent once, the first time it comes.
 */
final class CallbackStatuses {

    private CallbackStatuses() {}

    /**
     * @param before the message's status before the report
     * @param after its status after it
     * @param reported the status as Meta named it
     * @param firstOfItsKind whether the report was the first of that status for the message
     */
    static List<String> toSend(DeliveryStatus before, DeliveryStatus after, String reported, boolean firstOfItsKind) {
        if (after != before) {
            List<String> statuses = new ArrayList<>();
            if (after != DeliveryStatus.FAILED) {
                for (DeliveryStatus skipped : DeliveryStatus.values()) {
                    if (skipped.ordinal() > before.ordinal() && skipped.ordinal() < after.ordinal()) {
                        statuses.add(skipped.apiName());
                    }
                }
            }
            statuses.add(after.apiName());
            return statuses;
        }
        boolean unknown = DeliveryStatus.rankOf(reported) == DeliveryStatus.values().length;
        return unknown && firstOfItsKind ? List.of(reported) : List.of();
    }
}
