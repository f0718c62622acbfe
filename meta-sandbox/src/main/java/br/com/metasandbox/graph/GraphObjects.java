package br.com.metasandbox.graph;

import br.com.metasandbox.state.MessageTemplate;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.SandboxTemplates;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds the WABA or number a call names, as the caller may see it: a token reaches only its own
 * business's objects, and Graph answers anything else exactly as it answers an id that does not exist
 * (code 100, subcode 33) so that ids of other businesses cannot be probed.
 */
@Component
class GraphObjects {

    enum Kind {
        WABA,
        PHONE,
        UPLOAD,
        TEMPLATE
    }

    private final SandboxAccounts accounts;
    private final SandboxTemplates templates;

    GraphObjects(SandboxAccounts accounts, SandboxTemplates templates) {
        this.accounts = accounts;
        this.templates = templates;
    }

    /** What an id names, before any access check (for picking the operation's fault switch). */
    @Nullable
    Kind kindOf(String id) {
        if (id.startsWith("upload:")) {
            return Kind.UPLOAD;
        }
        if (!isNumeric(id)) {
            return null;
        }
        if (accounts.waba(id).isPresent()) {
            return Kind.WABA;
        }
        if (accounts.phone(id).isPresent()) {
            return Kind.PHONE;
        }
        return templates.template(id).isPresent() ? Kind.TEMPLATE : null;
    }

    WhatsAppBusinessAccount waba(Caller caller, String id, String method) {
        return accounts.waba(id)
                .filter(waba -> caller.mayAccess(waba.businessId()))
                .orElseThrow(() -> notFound(method, id));
    }

    PhoneNumber phone(Caller caller, String id, String method) {
        PhoneNumber phone = accounts.phone(id).orElseThrow(() -> notFound(method, id));
        WhatsAppBusinessAccount waba = accounts.waba(phone.wabaId()).orElseThrow();
        if (!caller.mayAccess(waba.businessId())) {
            throw notFound(method, id);
        }
        return phone;
    }

    /** A template, reached through its WABA's business as the WABA is. */
    MessageTemplate template(Caller caller, String id, String method) {
        MessageTemplate template = templates.template(id).orElseThrow(() -> notFound(method, id));
        WhatsAppBusinessAccount waba = accounts.waba(template.wabaId()).orElseThrow();
        if (!caller.mayAccess(waba.businessId())) {
            throw notFound(method, id);
        }
        return template;
    }

    static GraphRefusal notFound(String method, String id) {
        return isNumeric(id) ? GraphRefusal.unsupportedRequest(method, id) : GraphRefusal.unknownAlias(id);
    }

    static boolean isNumeric(String id) {
        return !id.isEmpty() && id.chars().allMatch(Character::isDigit);
    }
}
