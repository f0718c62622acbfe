package br.com.whatsappoficial.messaging;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's callback receiver on 127.0.0.1: keeps every request it gets, in arrival order, and answers
 * 500 to the first {@code failures} of them, 204 after.
 */
final class CallbackReceiver implements AutoCloseable {

    /** A request as it came: the headers we sign and name it with, and the raw body. */
    record Received(String delivery, String signature, String body) {

        boolean signedWith(CallbackSecret secret) {
            return secret.sign(body.getBytes(StandardCharsets.UTF_8)).equals(signature);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    CallbackReceiver(int failures) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/avisos", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(
                        String.valueOf(exchange.getRequestHeaders().getFirst(CallbackPoster.DELIVERY_HEADER)),
                        String.valueOf(exchange.getRequestHeaders().getFirst(CallbackSecret.HEADER)),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/avisos";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
