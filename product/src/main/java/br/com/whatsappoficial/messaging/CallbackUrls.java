package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.meta.MetaSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * The callback URL rule (no SSRF): a URL of the right shape whose host resolves only to addresses a
 * callback may reach. It is checked when a URL is saved or given to the API, and again by every delivery's
 * connection, which connects to the very addresses checked (a name that changes its answer between the
 * two, DNS rebinding, is caught at the connection).
 */
@Component
class CallbackUrls {

    private final boolean sandbox;
    private final CallbackSettings settings;

    CallbackUrls(MetaSettings meta, CallbackSettings settings) {
        this.sandbox = meta.sandbox();
        this.settings = settings;
    }

    /** The URL if the rule accepts it now, its host looked up; else why not. */
    CallbackUrl check(String text) {
        CallbackUrl url = CallbackUrl.parse(text, sandbox);
        try {
            addresses(url.host());
        } catch (RefusedAddress refused) {
            throw new InvalidCallbackUrl(refused.messageKey(), url.host(), refused.address());
        } catch (UnknownHostException unknown) {
            throw new InvalidCallbackUrl("callbacks.url.unresolved", url.host());
        }
        return url;
    }

    /** The shape only (a URL saved earlier, before a delivery whose connection checks the addresses). */
    CallbackUrl parse(String text) {
        return CallbackUrl.parse(text, sandbox);
    }

    /**
     * The addresses {@code host} resolves to, every one of them allowed; a connection made to them reaches
     * what was checked.
     */
    List<InetAddress> addresses(String host) throws UnknownHostException {
        List<InetAddress> found = lookUp(host);
        boolean local = sandbox && isLocalName(host);
        for (InetAddress address : found) {
            boolean allowed = local ? address.isLoopbackAddress() : CallbackAddresses.isPublic(address);
            if (!allowed) {
                throw new RefusedAddress(address.getHostAddress());
            }
        }
        return found;
    }

    /** The rule the merchant reads under the field: sandbox mode also takes this machine's own addresses. */
    String ruleKey() {
        return sandbox ? "callbacks.url.rule.sandbox" : "callbacks.url.rule";
    }

    private static boolean isLocalName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return "127.0.0.1".equals(name) || "localhost".equals(name);
    }

    /** The system resolver has no timeout of its own we can set: the lookup is waited for at most so long. */
    private List<InetAddress> lookUp(String host) throws UnknownHostException {
        CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                lookup.complete(InetAddress.getAllByName(host));
            } catch (UnknownHostException | RuntimeException e) {
                lookup.completeExceptionally(e);
            }
        });
        try {
            InetAddress[] addresses = lookup.get(settings.lookupTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (addresses.length == 0) {
                throw new UnknownHostException(host);
            }
            return List.of(addresses);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof UnknownHostException unknown ? unknown : new UnknownHostException(host);
        } catch (TimeoutException slow) {
            throw new UnknownHostException(host);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(host);
        }
    }

    /** A host resolved to an address a callback may not reach; an {@link UnknownHostException} to the HTTP client. */
    static final class RefusedAddress extends UnknownHostException {

        private final String address;

        RefusedAddress(String address) {
            super("refused address");
            this.address = address;
        }

        String address() {
            return address;
        }

        String messageKey() {
            return "callbacks.url.private";
        }
    }
}
