package br.com.whatsappoficial.meta;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of {@code GET /{waba-id}/phone_numbers}. */
public record PhoneNumbersPage(
        List<BusinessPhoneNumber> data, @Nullable Paging paging) {

    public PhoneNumbersPage {
        data = data == null ? List.of() : List.copyOf(data);
    }

    public record Paging(
            @Nullable Cursors cursors, @Nullable String next) {}

    public record Cursors(@Nullable String before, @Nullable String after) {}
}
