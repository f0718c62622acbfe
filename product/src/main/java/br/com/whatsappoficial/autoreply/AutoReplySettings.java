package br.com.whatsappoficial.autoreply;

import java.time.Duration;
import java.util.Objects;

/**
 * A store's automatic reply as its merchant set it.
 *
 * @param coolDown how long after a reply the same customer gets none again
 */
record AutoReplySettings(
        boolean enabled,
        ReplyText text,
        ButtonLabel buttonLabel,
        ReplyLink link,
        ReplyMode mode,
        BusinessHours hours,
        Duration coolDown) {

    static final Duration DEFAULT_COOL_DOWN = Duration.ofHours(24);
    static final Duration LONGEST_COOL_DOWN = Duration.ofDays(7);

    AutoReplySettings {
        Objects.requireNonNull(text);
        Objects.requireNonNull(buttonLabel);
        Objects.requireNonNull(link);
        Objects.requireNonNull(mode);
        Objects.requireNonNull(hours);
        if (coolDown.isNegative() || coolDown.compareTo(LONGEST_COOL_DOWN) > 0) {
            throw new InvalidSetting("coolDownHours", "autoreply.error.cooldown");
        }
    }

    /** Where the button of a reply sent now leads. */
    String buttonUrl() {
        return link.withUtm(mode);
    }
}
