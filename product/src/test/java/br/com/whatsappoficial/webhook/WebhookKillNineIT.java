package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The product killed with SIGKILL between the commit of a webhook and its processing: started again,
 * it processes every acknowledged event, and its side effect (a timeline line) happens once. The
 * product runs as a separate JVM on this run's PostgreSQL database, as it does in production.
 */
class WebhookKillNineIT {

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void eventsAcknowledgedBeforeAKillAreProcessedOnceAfterRestart() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String waba = "waba-kill-" + run;

        // First life: workers off, so events are committed and acknowledged but not processed.
        int port = freePort();
        Process first = start(port, false, run);
        awaitReady(port);
        connectNumber(waba, run);
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(new MetaWebhooks(port)
                    .post(MetaWebhooks.nameUpdate(waba, 1739321024L + i, i == 4 ? "APPROVED" : "PENDING")));
        }
        assertThat(answers).containsOnly(200);
        assertThat(count("select count(*) from webhook_inbox where waba_id = ? and state = 'PENDING'", waba))
                .isEqualTo(5);

        first.destroyForcibly().waitFor();
        assertThat(first.exitValue()).as("killed with SIGKILL").isEqualTo(137);

        // Second life: workers on; nothing was lost, nothing is done twice.
        int again = freePort();
        start(again, true, run);
        awaitReady(again);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        count("select count(*) from webhook_inbox where waba_id = ? and state = 'DONE'", waba) == 5);
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count(
                                    "select count(*) from account_timeline where waba_id = ? and kind = 'NAME_APPROVED'",
                                    waba)
                            == 1);
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            throw new AssertionError("no NAME_APPROVED line; state after restart:\n" + state(waba), timeout);
        }
        assertThat(count("select count(*) from account_timeline where waba_id = ? and kind = 'NAME_APPROVED'", waba))
                .isEqualTo(1);
    }

    private Process start(int port, boolean workers, String run) throws IOException {
        Path log = Files.createTempFile("whatsapp-oficial-kill9-" + run, ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "br.com.whatsappoficial.WhatsAppOficialApplication",
                        "--server.port=" + port,
                        "--meta.mode=sandbox",
                        "--spring.datasource.url=" + PostgresTestDatabase.jdbcUrl(),
                        "--spring.datasource.username=" + PostgresTestDatabase.user(),
                        "--spring.datasource.password=" + PostgresTestDatabase.password(),
                        // a worker holds its connection while the after-commit listener takes a second one:
                        // 2 x 4 workers + 2 writers + 2 spare, the least the product starts with
                        "--spring.datasource.hikari.maximum-pool-size=12",
                        "--webhook.resubmit-older-than=5s",
                        "--webhook.resubmit-every=2s",
                        "--app.data-dir=" + Files.createTempDirectory("kill9-data"),
                        "--webhook.workers-enabled=" + workers,
                        "--webhook.poll-interval=100ms",
                        "--sandbox.webhooks.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(process);
        return process;
    }

    private static void awaitReady(int port) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> http.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        "http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    /** A store with the WABA and the number (+55 11 98765-4321) that the name updates are about. */
    private static void connectNumber(String waba, String run) throws SQLException {
        try (Connection db = db()) {
            UUID store = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now();
            execute(
                    db,
                    "insert into stores (store_id, name, created_at) values (?, ?, ?)",
                    store,
                    "Loja K " + run,
                    now);
            execute(
                    db,
                    "insert into wabas (waba_id, store_id, business_token, connected_at) values (?, ?, ?, ?)",
                    waba,
                    store,
                    new byte[] {1},
                    now);
            execute(
                    db,
                    "insert into phone_numbers (phone_number_id, store_id, waba_id, e164, name_status, created_at)"
                            + " values (?, ?, ?, '+5511987654321', 'PENDING_REVIEW', ?)",
                    "phone-kill-" + run,
                    store,
                    waba,
                    now);
        }
    }

    /** What a failure needs to be understood: the number, its timeline and the listeners' publications. */
    private static String state(String waba) throws SQLException {
        StringBuilder state = new StringBuilder();
        try (Connection db = db()) {
            dump(
                    db,
                    state,
                    "select phone_number_id, name_status, name_decided_at from phone_numbers where waba_id = ?",
                    waba);
            dump(db, state, "select kind, detail, occurred_at from account_timeline where waba_id = ?", waba);
            dump(
                    db,
                    state,
                    "select idempotency_key, state, attempts, last_error from webhook_inbox where waba_id = ?",
                    waba);
            dump(
                    db,
                    state,
                    "select listener_id, status, completion_date, completion_attempts from event_publication"
                            + " where serialized_event like ?",
                    "%" + waba + "%");
        }
        return state.toString();
    }

    private static void dump(Connection db, StringBuilder out, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                out.append(sql).append('\n');
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        out.append(c == 1 ? "  " : " | ").append(rows.getString(c));
                    }
                    out.append('\n');
                }
            }
        }
    }

    private static int count(String sql, String waba) throws SQLException {
        try (Connection db = db();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, waba);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void execute(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(
                PostgresTestDatabase.jdbcUrl(), PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
