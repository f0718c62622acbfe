package br.com.whatsappoficial.api;

import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.store.ApiKeyMode;

/** A node that talks to the sandbox makes and accepts test keys; one that talks to Meta, live keys. */
final class ApiKeyModes {

    private ApiKeyModes() {}

    static ApiKeyMode of(MetaSettings meta) {
        return meta.sandbox() ? ApiKeyMode.TEST : ApiKeyMode.LIVE;
    }
}
