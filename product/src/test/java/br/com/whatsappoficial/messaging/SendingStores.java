package br.com.whatsappoficial.messaging;

import br.com.metasandbox.SandboxBusiness;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxWaba;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.NewConnection;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphAccounts;
import br.com.whatsappoficial.meta.GraphPhones;
import br.com.whatsappoficial.meta.GraphTokens;
import br.com.whatsappoficial.meta.TwoStepPin;
import br.com.whatsappoficial.store.ApiKeyMode;
import br.com.whatsappoficial.store.ApiKeys;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreId;
import br.com.whatsappoficial.template.NewTemplate;
import br.com.whatsappoficial.template.TemplateCategory;
import br.com.whatsappoficial.template.TemplateDetails;
import br.com.whatsappoficial.template.Templates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * Stores connected through the sandbox as onboarding leaves them: a business at Meta with a WABA and a
 * verified, registered number, the store's record of it, an API key, and templates Meta approved. Tests
 * {@code @Import} it: it is no component, so contexts without the sandbox (live mode) never see it; public
 * for the campaign benchmark.
 */
public class SendingStores {

    /**
     * A connected store.
     *
     * @param key the store's API key, as the engine sends it
     * @param email the store admin's login, for tests that drive its pages
     */
    public record Shop(
            StoreId store,
            SandboxBusiness business,
            SandboxWaba waba,
            SandboxPhone phone,
            String key,
            String email,
            String password) {}

    private final SandboxMeta sandbox;
    private final StoreDirectory stores;
    private final ConnectedAccounts accounts;
    private final ApiKeys keys;
    private final GraphTokens tokens;
    private final GraphAccounts wabas;
    private final GraphPhones phones;
    private final Templates templates;

    SendingStores(
            SandboxMeta sandbox,
            StoreDirectory stores,
            ConnectedAccounts accounts,
            ApiKeys keys,
            GraphTokens tokens,
            GraphAccounts wabas,
            GraphPhones phones,
            Templates templates) {
        this.sandbox = sandbox;
        this.stores = stores;
        this.accounts = accounts;
        this.keys = keys;
        this.tokens = tokens;
        this.wabas = wabas;
        this.phones = phones;
        this.templates = templates;
    }

    /**
     * A mobile's last eight digits (after the 9) that no delivery rule of the sandbox matches: its rules
     * go by the number's last four digits (0472, 1047, 1049, 1050, 8000, 8030, 8111, 9999), so those stay
     * between 2000 and 7999 and every message is simply delivered and read.
     */
    public static String plainEightDigits() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "8" + random.nextInt(100, 1000) + random.nextInt(2000, 8000);
    }

    public Shop connected(String label) {
        return connected(label, null);
    }

    /**
     * A connected store whose portfolio Meta gave {@code messagingLimit} (TIER_250 … TIER_UNLIMITED; null
     * for the sandbox's first tier) before the WABA existed, so that every webhook and Graph answer the
     * product gets carries that limit and none an older one.
     */
    public Shop connected(String label, @Nullable String messagingLimit) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = label + "-" + run + "@envios.example";
        StoreId store = stores.create("Loja " + label + " " + run, "Marta", email, "senha-" + run);
        SandboxBusiness business = sandbox.createBusiness("Loja " + label + " " + run);
        if (messagingLimit != null) {
            sandbox.setMessagingLimit(business.id(), messagingLimit);
        }
        SandboxWaba waba = sandbox.createWaba(business.id(), "Loja " + label);
        SandboxPhone phone = sandbox.addPhone(
                waba.id(), "+551199" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja " + label);
        sandbox.verifyPhone(phone.id());
        BusinessToken token = tokens.exchangeCode(sandbox.issueCode(business.id()));
        phones.register(token, phone.id(), TwoStepPin.random(), "BR");
        CurrentStore.runAs(
                store,
                () -> accounts.connect(new NewConnection(
                        business.id(),
                        wabas.account(token, waba.id()),
                        phones.phoneNumber(token, phone.id()),
                        token,
                        null)));
        String key = StoreFixtures.createKey(keys, StoreFixtures.login(stores, email), ApiKeyMode.TEST, "Campanhas")
                .secret()
                .reveal();
        return new Shop(store, business, waba, phone, key, email, "senha-" + run);
    }

    /** A template created through the product and approved at Meta, once the product knows it is. */
    public TemplateDetails approvedTemplate(Shop shop, String name, String body, Map<String, String> examples) {
        return approvedTemplate(shop, name, TemplateCategory.UTILITY, body, examples);
    }

    /** A template of {@code category} created through the product and approved at Meta. */
    public TemplateDetails approvedTemplate(
            Shop shop, String name, TemplateCategory category, String body, Map<String, String> examples) {
        TemplateDetails created = CurrentStore.callAs(
                shop.store(),
                () -> templates.create(new NewTemplate(
                        name, category, "pt_BR", null, null, body, null, List.of(), examples, null, null)));
        sandbox.decideTemplate(created.id(), "APPROVED", null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> CurrentStore.callAs(
                        shop.store(),
                        () -> templates
                                .find(name, "pt_BR")
                                .orElseThrow()
                                .status()
                                .sendable()));
        return created;
    }
}
