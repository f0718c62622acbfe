package br.com.whatsappoficial.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few classes allowed to query the database without {@link StoreScopedJdbc}, because their
 * work happens before a store is known (login, resolving a webhook's store from Meta's ids) or spans
 * all stores by design (demo seeding, schedulers that then bind each store). An architecture test
 * refuses any other direct use of JDBC.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CrossStore {

    /** Why this class may see every store's rows. */
    String value();
}
