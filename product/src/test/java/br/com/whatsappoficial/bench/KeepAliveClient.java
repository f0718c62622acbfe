package br.com.whatsappoficial.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection that POSTs JSON bodies (signed webhooks, API calls) and reads the
 * status. The
 * benchmark's load generator shares the product's two cores, so it must cost next to nothing per
 * request: the JDK's HttpClient (selector thread, async pipeline) took a fifth of the machine's CPU
 * for the same load. Handles exactly what the product answers: a status line, headers and a body of
 * {@code Content-Length} bytes (or none).
 */
final class KeepAliveClient implements AutoCloseable {

    private final InetSocketAddress address;
    private final String path;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    /** Where a line of the answer is read into, reused. */
    private byte[] line = new byte[128];

    KeepAliveClient(int port, String path) throws IOException {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.path = path;
        connect();
    }

    /** Answers the status code, or -1 when the connection failed (it is reopened for the next POST). */
    int post(byte[] body, String signature) {
        return postWithHeaders(body, "X-Hub-Signature-256: " + signature);
    }

    /** POSTs with these extra header lines ({@code Name: value}); answers as {@link #post(byte[], String)}. */
    int postWithHeaders(byte[] body, String... headers) {
        return send(request(address.getPort(), path, body, headers));
    }

    /**
     * A POST of this body as it goes over the wire, head and body in one array: built once, it can be
     * sent later by {@link #send(byte[])} at the cost of the write alone.
     */
    static byte[] request(int port, String path, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(
                "POST " + path + " HTTP/1.1\r\nHost: " + port + "\r\nContent-Type: application/json\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** Sends a request {@link #request built} beforehand; answers as {@link #post(byte[], String)}. */
    int send(byte[] request) {
        try {
            // One write, as a real sender does: head and body in one segment, read by the server at once.
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException broken) {
            reconnect();
            return -1;
        }
    }

    private int readResponse() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long chunk = Long.parseLong(line(), 16); chunk > 0; chunk = Long.parseLong(line(), 16)) {
                in.skipNBytes(chunk);
                line();
            }
            line();
        } else {
            in.skipNBytes(length);
        }
        if (close) {
            reconnect();
        }
        return status;
    }

    private String line() throws IOException {
        int length = 0;
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                if (length == line.length) {
                    line = Arrays.copyOf(line, length * 2);
                }
                line[length++] = (byte) b;
            }
        }
        return new String(line, 0, length, StandardCharsets.US_ASCII);
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(address, 3_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    private void reconnect() {
        try {
            socket.close();
            connect();
        } catch (IOException ignored) {
            // The next POST fails and tries again.
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
