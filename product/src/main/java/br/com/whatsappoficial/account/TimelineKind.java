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
    PROFILE_SYNC_FAILED,
    /** A number of the WhatsApp Business app joined Cloud API and stays on the app (no register call). */
    BUSINESS_APP_CONNECTED,
    /** The app's contacts or history were asked for (detail CONTACTS or HISTORY). */
    APP_DATA_REQUESTED,
    /** The whole chat history arrived. */
    APP_HISTORY_SYNCED,
    /** The merchant does not share the app's chat history (Meta's 2593109); the number stays connected. */
    APP_HISTORY_DECLINED,
    /** The number left Cloud API (detail: Meta's PARTNER_REMOVED or ACCOUNT_OFFBOARDED). */
    LEFT_CLOUD_API,
    /** Meta reconnected a number that had left (ACCOUNT_RECONNECTED). */
    BACK_ON_CLOUD_API;

    public String messageKey() {
        return "timeline." + name().toLowerCase(Locale.ROOT);
    }
}
