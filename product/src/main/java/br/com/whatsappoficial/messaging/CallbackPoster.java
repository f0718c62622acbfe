package br.com.whatsappoficial.messaging;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts one signed callback body to a receiver and says what came back. Its connections are made only to
 * addresses {@link CallbackUrls} allowed, looked up for the connection itself; it follows no redirect (a
 * redirect could lead anywhere) and uses no proxy.
 */
@Component
class CallbackPoster implements DisposableBean {

    /** A header naming the callback, the same on every attempt: a receiver that saw it already can skip it. */
    static final String DELIVERY_HEADER = "X-WO-Delivery";

    /** What an attempt got. */
    sealed interface Answer {}

    /** The receiver answered with this HTTP status. */
    record Answered(int status) implements Answer {

        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** No answer came. */
    record NoAnswer(Failure failure) implements Answer {}

    /** Why no answer came; the log explains each in the merchant's language. */
    enum Failure {
        REFUSED_ADDRESS,
        UNRESOLVED,
        CONNECTION_REFUSED,
        TIMEOUT,
        TLS,
        NETWORK;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final CloseableHttpClient http;

    CallbackPoster(CallbackUrls urls, CallbackSettings settings) {
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return urls.addresses(host).toArray(InetAddress[]::new);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                                .build())
                        .setMaxConnTotal(settings.senders() * 2)
                        .setMaxConnPerRoute(settings.senders())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("WhatsAppOficial-Callbacks/1")
                .build();
    }

    Answer post(CallbackUrl url, byte[] body, CallbackSecret secret, String deliveryId) {
        HttpPost post = new HttpPost(url.uri());
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        post.setHeader(CallbackSecret.HEADER, secret.sign(body));
        post.setHeader(DELIVERY_HEADER, deliveryId);
        try {
            return http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return new Answered(response.getCode());
            });
        } catch (IOException failed) {
            return new NoAnswer(failure(failed));
        }
    }

    private static Failure failure(IOException failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof CallbackUrls.RefusedAddress) {
                return Failure.REFUSED_ADDRESS;
            }
            if (cause instanceof UnknownHostException) {
                return Failure.UNRESOLVED;
            }
            if (cause instanceof InterruptedIOException) {
                return Failure.TIMEOUT;
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return Failure.CONNECTION_REFUSED;
            }
            if (cause instanceof SSLException) {
                return Failure.TLS;
            }
        }
        return Failure.NETWORK;
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
