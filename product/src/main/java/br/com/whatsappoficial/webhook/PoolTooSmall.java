package br.com.whatsappoficial.webhook;

/** The connection pool cannot serve this node's inbox workers: under load their listeners would starve. */
final class PoolTooSmall extends IllegalStateException {

    private final int minimum;

    PoolTooSmall(int poolSize, WebhookSettings settings) {
        super(("spring.datasource.hikari.maximum-pool-size is %d, but webhook.workers=%d and"
                        + " webhook.inbox-writers=%d need at least %d connections (2 × workers + writers + %d)")
                .formatted(
                        poolSize,
                        settings.workers(),
                        settings.inboxWriters(),
                        settings.minimumPoolSize(),
                        WebhookSettings.SPARE_CONNECTIONS));
        this.minimum = settings.minimumPoolSize();
    }

    int minimum() {
        return minimum;
    }
}
