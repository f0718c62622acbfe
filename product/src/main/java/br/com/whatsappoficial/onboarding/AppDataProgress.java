package br.com.whatsappoficial.onboarding;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How far a coexistence number's sync of the WhatsApp Business app has come, as the status page shows it
 * (its methods public for the page).
 *
 * @param contacts the app's contacts received and not removed
 * @param progress Meta's overall history progress in percent
 * @param chunks history chunks received, each counted once
 */
public record AppDataProgress(
        String phoneNumberId,
        Instant onboardedAt,
        @Nullable Instant contactsRequestedAt,
        int contacts,
        @Nullable Instant historyRequestedAt,
        int progress,
        int chunks,
        @Nullable Instant completedAt,
        @Nullable Instant declinedAt) {

    /** Meta takes the sync requests within 24 h of onboarding only. */
    static final Duration WINDOW = Duration.ofHours(24);

    public Instant deadline() {
        return onboardedAt.plus(WINDOW);
    }

    public boolean declined() {
        return declinedAt != null;
    }

    public boolean complete() {
        return completedAt != null;
    }

    public boolean historyRequested() {
        return historyRequestedAt != null;
    }

    public boolean contactsRequested() {
        return contactsRequestedAt != null;
    }
}
