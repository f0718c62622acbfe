package br.com.whatsappoficial.meta;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of {@code GET /{waba-id}/message_templates}, paged with cursors like every Graph list. */
record MessageTemplatesPage(List<MessageTemplate> data, PhoneNumbersPage.@Nullable Paging paging) {

    MessageTemplatesPage {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /** The cursor of the next page; null on the last one, where Meta leaves out {@code next}. */
    @Nullable
    String nextCursor() {
        if (paging == null || paging.next() == null || paging.cursors() == null) {
            return null;
        }
        return paging.cursors().after();
    }
}
