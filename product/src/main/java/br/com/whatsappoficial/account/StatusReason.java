package br.com.whatsappoficial.account;

import java.util.Locale;

/**
 * Why a number has its status, each with a pt-BR explanation and the one action that moves it on
 * (message keys {@code status.reason.<name>.text} and {@code .action}).
 */
public enum StatusReason {
    APPROVED(IntegrationStatus.ATIVA),
    NUMBER_NOT_VERIFIED(IntegrationStatus.EM_ANALISE),
    DISPLAY_NAME_UNDER_REVIEW(IntegrationStatus.EM_ANALISE),
    ACCOUNT_UNDER_REVIEW(IntegrationStatus.EM_ANALISE),
    REGISTRATION_PENDING(IntegrationStatus.EM_ANALISE),
    NUMBER_RESTRICTED(IntegrationStatus.EM_ANALISE),
    ACCOUNT_SCHEDULED_FOR_DISABLE(IntegrationStatus.ATIVA),
    DISPLAY_NAME_REJECTED(IntegrationStatus.REPROVADA),
    DISPLAY_NAME_EXPIRED(IntegrationStatus.REPROVADA),
    ACCOUNT_REVIEW_REJECTED(IntegrationStatus.REPROVADA),
    SENDING_BLOCKED(IntegrationStatus.REPROVADA),
    NUMBER_BANNED(IntegrationStatus.REPROVADA),
    ACCOUNT_DISABLED(IntegrationStatus.REPROVADA);

    private final IntegrationStatus status;

    StatusReason(IntegrationStatus status) {
        this.status = status;
    }

    public IntegrationStatus status() {
        return status;
    }

    public String textKey() {
        return "status.reason." + name().toLowerCase(Locale.ROOT) + ".text";
    }

    public String actionKey() {
        return "status.reason." + name().toLowerCase(Locale.ROOT) + ".action";
    }
}
