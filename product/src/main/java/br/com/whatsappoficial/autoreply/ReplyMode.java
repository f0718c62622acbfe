package br.com.whatsappoficial.autoreply;

/** When the store answers on its own; each also names the campaign its link's visits are counted under. */
enum ReplyMode {
    ALWAYS("sempre"),
    OUTSIDE_BUSINESS_HOURS("fora-do-horario"),
    /** Only when the customer had not written in the previous 24 h: the start of a conversation. */
    FIRST_MESSAGE("primeira-mensagem");

    private final String utmCampaign;

    ReplyMode(String utmCampaign) {
        this.utmCampaign = utmCampaign;
    }

    String utmCampaign() {
        return utmCampaign;
    }
}
