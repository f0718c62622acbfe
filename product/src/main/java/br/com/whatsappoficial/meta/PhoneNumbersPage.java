package br.com.whatsappoficial.meta;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of {@code GET /{waba-id}/phone_numbers}. */
public record PhoneNumbersPage(
        List<BusinessPhoneNumber> data, @Nullable Paging paging) {

    public PhoneNumbersPage {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /** The cursor of the page after this one; null on the last page, where Meta leaves out {@code next}. */
    @Nullable
    String nextCursor() {
        if (paging == null || paging.next() == null || paging.cursors() == null) {
            return null;
        }
        return paging.cursors().after();
    }

    public record Paging(
            @Nullable Cursors cursors, @Nullable String next) {}

    public record Cursors(@Nullable String before, @Nullable String after) {}
}
