package br.com.metasandbox;

import java.util.List;

/** Meta's business categories (the profile's {@code vertical} [doc]), in the order the popup lists them. */
final class Verticals {

    static final List<String> ALL = List.of(
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
