package br.com.whatsappoficial.accounttest;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.meta.GraphAccounts;
import br.com.whatsappoficial.store.CurrentStore;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Connected sandbox stores as Testar a conta finds them after onboarding: subscribed, with an approved template. */
final class TestedShops {

    private TestedShops() {}

    /** A store whose WABA's webhooks our app is subscribed to, with an approved utility template. */
    static Shop ready(SendingStores stores, ConnectedAccounts accounts, GraphAccounts wabas, String label) {
        Shop shop = stores.connected(label);
        CurrentStore.runAs(
                shop.store(),
                () -> wabas.subscribeApp(
                        accounts.businessToken(shop.waba().id()).orElseThrow(),
                        shop.waba().id()));
        stores.approvedTemplate(
                shop,
                "teste_" + UUID.randomUUID().toString().substring(0, 8),
                "Seu número está funcionando.",
                Map.of());
        return shop;
    }

    /**
     * A mobile no delivery rule of the sandbox matches (its rules go by the last four digits, all outside
     * 2000–7999), so the template is simply delivered and read.
     */
    static String plainMobile() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "+55 21 98" + random.nextInt(100, 1000) + "-" + random.nextInt(2000, 8000);
    }
}
