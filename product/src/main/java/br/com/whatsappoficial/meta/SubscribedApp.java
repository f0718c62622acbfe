package br.com.whatsappoficial.meta;

import org.jspecify.annotations.Nullable;

/** An app subscribed to a WABA's webhooks, with its alternate callback when one is set. */
public record SubscribedApp(
        @Nullable App whatsappBusinessApiData, @Nullable String overrideCallbackUri) {

    public record App(
            String id, @Nullable String link, @Nullable String name) {}
}
