package br.com.whatsappoficial.api;

import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.store.ApiKeyId;
import br.com.whatsappoficial.store.ApiKeyName;
import br.com.whatsappoficial.store.ApiKeys;
import br.com.whatsappoficial.store.CreatedApiKey;
import br.com.whatsappoficial.store.InvalidApiKeyName;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Configurações › WhatsApp Oficial › API: the store's keys for the campaign engine. Admins only (the
 * pages' security rule for this path). A new key's secret is in the answer to its creation and nowhere
 * else: no redirect, so it never passes through the session, and a reload shows the list without it.
 */
@Controller
@RequestMapping(ApiKeysController.PATH)
class ApiKeysController {

    static final String PATH = "/configuracoes/whatsapp-oficial/api";
    private static final String HTMX = "HX-Request=true";

    private final ApiKeys keys;
    private final MetaSettings meta;

    ApiKeysController(ApiKeys keys, MetaSettings meta) {
        this.keys = keys;
        this.meta = meta;
    }

    record NewKeyForm(@Nullable String name) {}

    @GetMapping
    String page(Model model) {
        panel(model, null, null);
        return "api/keys";
    }

    @PostMapping
    String create(NewKeyForm form, @AuthenticationPrincipal StoreUserPrincipal admin, Model model) {
        createKey(form, admin, model);
        return "api/keys";
    }

    @PostMapping(headers = HTMX)
    String createFromPanel(NewKeyForm form, @AuthenticationPrincipal StoreUserPrincipal admin, Model model) {
        createKey(form, admin, model);
        return "api/keys :: panel";
    }

    @PostMapping("/{keyId}/revogar")
    String revoke(@PathVariable String keyId, @AuthenticationPrincipal StoreUserPrincipal admin, Model model) {
        revokeKey(keyId, admin, model);
        return "api/keys";
    }

    @PostMapping(path = "/{keyId}/revogar", headers = HTMX)
    String revokeFromPanel(@PathVariable String keyId, @AuthenticationPrincipal StoreUserPrincipal admin, Model model) {
        revokeKey(keyId, admin, model);
        return "api/keys :: panel";
    }

    private void createKey(NewKeyForm form, StoreUserPrincipal admin, Model model) {
        try {
            CreatedApiKey created =
                    keys.create(ApiKeyModes.of(meta), new ApiKeyName(form.name() == null ? "" : form.name()), admin);
            panel(model, created, null);
        } catch (InvalidApiKeyName invalid) {
            model.addAttribute("name", form.name());
            panel(model, null, "apikeys.name.invalid");
        }
    }

    private void revokeKey(String keyId, StoreUserPrincipal admin, Model model) {
        ApiKeyId id;
        try {
            id = new ApiKeyId(keyId);
        } catch (IllegalArgumentException notAKeyOfOurs) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (keys.find(id).isEmpty()) {
            // Another store's key is as unknown here as one that never existed.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean revoked = keys.revoke(id, admin);
        model.addAttribute("revokedNow", revoked ? id.value() : null);
        panel(model, null, null);
    }

    private void panel(Model model, @Nullable CreatedApiKey created, @Nullable String error) {
        model.addAttribute("keys", keys.list());
        model.addAttribute("created", created);
        model.addAttribute("error", error);
        model.addAttribute("maxName", ApiKeyName.MAX_LENGTH);
    }
}
