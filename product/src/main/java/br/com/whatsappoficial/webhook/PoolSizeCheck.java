package br.com.whatsappoficial.webhook;

import com.zaxxer.hikari.HikariConfigMXBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node whose connection pool is too small for its inbox workers (see {@link
 * WebhookSettings#minimumPoolSize()}): starved listeners show up only under load, long after a deploy,
 * while this fails before the workers start. It reads the pool Hikari was actually given; with another
 * pool it checks nothing.
 */
@Component
class PoolSizeCheck implements SmartInitializingSingleton {

    private final WebhookSettings settings;
    private final ObjectProvider<HikariConfigMXBean> pool;

    PoolSizeCheck(WebhookSettings settings, ObjectProvider<HikariConfigMXBean> pool) {
        this.settings = settings;
        this.pool = pool;
    }

    @Override
    public void afterSingletonsInstantiated() {
        pool.ifUnique(hikari -> check(settings, hikari.getMaximumPoolSize()));
    }

    /** Throws {@link PoolTooSmall} when this node runs workers and the pool cannot serve them. */
    static void check(WebhookSettings settings, int poolSize) {
        if (settings.workersEnabled() && poolSize < settings.minimumPoolSize()) {
            throw new PoolTooSmall(poolSize, settings);
        }
    }
}
