package br.com.whatsappoficial.account;

import java.util.Locale;

/** What can happen to a connected account (B11); pt-BR labels under {@code timeline.<name>}. */
public enum TimelineKind {
    CONNECTED,
    NUMBER_ADDED,
    NUMBER_VERIFIED,
    NAME_UNDER_REVIEW,
    NAME_APPROVED,
    NAME_REJECTED,
    ACCOUNT_REVIEWED,
    APP_SUBSCRIBED,
    REGISTRATION_STARTED,
    REGISTERED,
    REGISTRATION_FAILED,
    STATUS_CHANGED,
    LIMIT_CHANGED,
    QUALITY_CHANGED,
    TOKEN_REVOKED,
    RECONNECTED,
    NUMBER_ACTIVATED,
    /** The business profile (picture, texts) was sent to the number at Meta. */
    PROFILE_SYNCED,
    PROFILE_SYNC_FAILED;

    public String messageKey() {
        return "timeline." + name().toLowerCase(Locale.ROOT);
    }
}
