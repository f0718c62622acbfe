package br.com.metasandbox.state;

import java.util.List;

/** Meta's business categories (the profile's {@code vertical} [doc]), in the order the popup lists them. */
public final class Verticals {

    public static final List<String> ALL = List.of(
            "APPAREL",
            "AUTO",
            "BEAUTY",
            "ALCOHOL",
            "EDU",
            "ENTERTAIN",
            "FINANCE",
            "GROCERY",
            "HOTEL",
            "HEALTH",
            "OTC_DRUGS",
            "ONLINE_GAMBLING",
            "PHYSICAL_GAMBLING",
            "NONPROFIT",
            "EVENT_PLAN",
            "GOVT",
            "PROF_SERVICES",
            "RESTAURANT",
            "RETAIL",
            "TRAVEL",
            "OTHER");

    private Verticals() {}
}
