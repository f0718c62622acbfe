package br.com.whatsappoficial.account;

import java.util.Locale;

/**
 * Why a number has its status, each with a pt-BR explanation and the one action that moves it on
 * (message keys {@code status.reason.<name>.text} and {@code .action}).
 */
public enum StatusReason {
    APPROVED(IntegrationStatus.ATIVA, Remedy.NONE),
    NUMBER_NOT_VERIFIED(IntegrationStatus.EM_ANALISE, Remedy.NONE),
    DISPLAY_NAME_UNDER_REVIEW(IntegrationStatus.EM_ANALISE, Remedy.NONE),
    ACCOUNT_UNDER_REVIEW(IntegrationStatus.EM_ANALISE, Remedy.NONE),
    REGISTRATION_PENDING(IntegrationStatus.EM_ANALISE, Remedy.NONE),
    NUMBER_RESTRICTED(IntegrationStatus.EM_ANALISE, Remedy.NONE),
    ACCOUNT_SCHEDULED_FOR_DISABLE(IntegrationStatus.ATIVA, Remedy.SUPPORT),
    DISPLAY_NAME_REJECTED(IntegrationStatus.REPROVADA, Remedy.NEW_DISPLAY_NAME),
    DISPLAY_NAME_EXPIRED(IntegrationStatus.REPROVADA, Remedy.NEW_DISPLAY_NAME),
    ACCOUNT_REVIEW_REJECTED(IntegrationStatus.REPROVADA, Remedy.SUPPORT),
    SENDING_BLOCKED(IntegrationStatus.REPROVADA, Remedy.SUPPORT),
    NUMBER_BANNED(IntegrationStatus.REPROVADA, Remedy.SUPPORT),
    ACCOUNT_DISABLED(IntegrationStatus.REPROVADA, Remedy.SUPPORT),
    /** The WhatsApp Business app took the number back (reinstalled, moved phone, registered again). */
    LEFT_BUSINESS_APP(IntegrationStatus.DESCONECTADA, Remedy.RECONNECT),
    /** The business removed this platform's access to the WABA. */
    PARTNER_REMOVED(IntegrationStatus.DESCONECTADA, Remedy.RECONNECT);

    /** Where the merchant goes to move the number on, beyond the action's text. */
    public enum Remedy {
        /** Nothing to open: waiting or an action on this page. */
        NONE,
        /** Edit the display name where Meta takes it (WhatsApp Manager), following Meta's guidelines. */
        NEW_DISPLAY_NAME,
        /** A case only Meta's or the platform's support can review. */
        SUPPORT,
        /** Run Embedded Signup again. */
        RECONNECT
    }

    private final IntegrationStatus status;
    private final Remedy remedy;

    StatusReason(IntegrationStatus status, Remedy remedy) {
        this.status = status;
        this.remedy = remedy;
    }

    public IntegrationStatus status() {
        return status;
    }

    public Remedy remedy() {
        return remedy;
    }

    public String textKey() {
        return "status.reason." + name().toLowerCase(Locale.ROOT) + ".text";
    }

    public String actionKey() {
        return "status.reason." + name().toLowerCase(Locale.ROOT) + ".action";
    }
}
