package br.com.whatsappoficial.account;

import java.util.List;

/** What step 3 of the wizard and the connected view show: the WABA, its numbers and its timeline. */
public record AccountOverview(Waba waba, List<ConnectedNumber> numbers, List<TimelineEntry> timeline) {

    public AccountOverview {
        numbers = List.copyOf(numbers);
        timeline = List.copyOf(timeline);
    }
}
