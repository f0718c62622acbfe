package br.com.whatsappoficial.store;

/** Store-owned data was touched outside of any store: a programming error, never a reason to guess one. */
public class NoCurrentStore extends IllegalStateException {

    NoCurrentStore() {
        super("No store is bound to this thread: store-owned data can only be read or written as a store");
    }
}
