package br.com.whatsappoficial.account;

/** The three states a merchant sees (PRODUCT.md F10). */
public enum IntegrationStatus {
    /** Approved by Meta: full use of the API, no restrictions. */
    ATIVA,
    /** Being validated: receiving works, proactive sending is limited. Never shown as disconnected. */
    EM_ANALISE,
    /** Meta's criteria were not met: review the information or contact support. */
    REPROVADA,
    /** The number left Cloud API (the merchant removed our access or left coexistence): connect again. */
    DESCONECTADA;

    /** Whether campaigns and replies may go out through a number in this status. */
    public boolean sends() {
        return this != REPROVADA && this != DESCONECTADA;
    }
}
