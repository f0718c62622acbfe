package br.com.whatsappoficial.account;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How fast a number may send, from what Meta reports of it: 80 messages per second by default, 1,000
 * once Meta upgraded it ({@code HIGH}), 20 for a number that is also on the WhatsApp Business app.
 *
 * @param level Meta's {@code throughput.level}; null before Meta reported one
 * @param onBusinessApp Meta's {@code is_on_biz_app}; null before Meta reported it
 */
public record Throughput(@Nullable String level, @Nullable Boolean onBusinessApp) {

    static final int DEFAULT = 80;
    static final int UPGRADED = 1_000;
    static final int COEXISTENCE = 20;

    /** Messages per second (sent and received) Meta allows the number. */
    public int messagesPerSecond() {
        if (Boolean.TRUE.equals(onBusinessApp)) {
            return COEXISTENCE;
        }
        return level != null && level.toUpperCase(Locale.ROOT).equals("HIGH") ? UPGRADED : DEFAULT;
    }
}
