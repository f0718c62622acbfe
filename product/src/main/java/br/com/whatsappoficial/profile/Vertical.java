package br.com.whatsappoficial.profile;

import java.util.Locale;

/** Meta's business categories for a WhatsApp profile; pt-BR names under {@code profile.vertical.<name>}. */
enum Vertical {
    OTHER,
    ALCOHOL,
    APPAREL,
    AUTO,
    BEAUTY,
    EDU,
    ENTERTAIN,
    EVENT_PLAN,
    FINANCE,
    GOVT,
    GROCERY,
    HEALTH,
    HOTEL,
    NONPROFIT,
    ONLINE_GAMBLING,
    OTC_DRUGS,
    PHYSICAL_GAMBLING,
    PROF_SERVICES,
    RESTAURANT,
    RETAIL,
    TRAVEL;

    /** Public for the page's expressions, which call only public methods. */
    public String messageKey() {
        return "profile.vertical." + name().toLowerCase(Locale.ROOT);
    }
}
