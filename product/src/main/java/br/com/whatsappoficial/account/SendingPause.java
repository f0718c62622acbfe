package br.com.whatsappoficial.account;

import java.time.Instant;

/**
 * The product stopped sending from a number because Meta refused a send for spam (131048) or a policy block
 * (368): nothing goes out from it until the merchant resumes it or {@code until} passes.
 */
public record SendingPause(String phoneNumberId, int metaCode, Instant pausedAt, Instant until) {

    /** Meta's spam rate limit: too many of the number's messages were blocked or reported. */
    public static final int SPAM = 131048;

    /** Meta blocked the number for a policy violation, for a while. */
    public static final int POLICY_BLOCK = 368;

    public SendingPause {
        if (metaCode != SPAM && metaCode != POLICY_BLOCK) {
            throw new IllegalArgumentException("a number is paused for 131048 or 368, not " + metaCode);
        }
        if (!until.isAfter(pausedAt)) {
            throw new IllegalArgumentException("a pause ends after it starts");
        }
    }

    /** Whether Meta's code is one that pauses the number. */
    public static boolean pausesTheNumber(int metaCode) {
        return metaCode == SPAM || metaCode == POLICY_BLOCK;
    }
}
