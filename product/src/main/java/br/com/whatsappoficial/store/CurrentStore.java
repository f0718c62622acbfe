package br.com.whatsappoficial.store;

import java.util.Optional;

/**
 * The store on whose behalf the current code runs.
 *
 * <p>Web requests bind it from the logged-in user ({@link CurrentStoreFilter}); background work
 * (webhooks, reconciliation) binds it explicitly with {@link #runAs} once it has resolved the store
 * from Meta's ids. A {@link ScopedValue} cannot leak into the next task of a pooled or virtual
 * thread, unlike a ThreadLocal that someone forgot to clear.
 */
public final class CurrentStore {

    private static final ScopedValue<StoreId> STORE = ScopedValue.newInstance();

    private CurrentStore() {}

    /** The bound store; fails closed with {@link NoCurrentStore} when there is none. */
    public static StoreId require() {
        if (!STORE.isBound()) {
            throw new NoCurrentStore();
        }
        return STORE.get();
    }

    public static Optional<StoreId> current() {
        return STORE.isBound() ? Optional.of(STORE.get()) : Optional.empty();
    }

    public static void runAs(StoreId store, Runnable work) {
        ScopedValue.where(STORE, store).run(work);
    }

    public static <R, X extends Throwable> R callAs(StoreId store, ScopedValue.CallableOp<R, X> work) throws X {
        return ScopedValue.where(STORE, store).call(work);
    }
}
