package br.com.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a test application context at a PostgreSQL database of its own: created once per test JVM on
 * the local server (127.0.0.1:5432, user postgres, overridable with TEST_PG_HOST, TEST_PG_PORT,
 * TEST_PG_USER, TEST_PG_PASSWORD) and dropped when the JVM ends. It only ever creates or drops
 * databases named {@code whatsapp_oficial_it_<pid>_<millis>}; leftovers of killed runs are dropped
 * once their process is gone.
 */
public final class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String PREFIX = "whatsapp_oficial_it_";
    private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)_\\d+");
    private static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TEST_PG_PORT", "5432");
    private static final String USER = env("TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("TEST_PG_PASSWORD", "");

    private static @Nullable String jdbcUrl;
    private static int databases;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> defaults = Map.of(
                "spring.datasource.url",
                jdbcUrl(),
                "spring.datasource.username",
                USER,
                "spring.datasource.password",
                PASSWORD,
                // several contexts live at once in a test run; a small pool each is plenty, with
                // as few workers as fit it (2 x 2 workers + 2 writers + 2 spare)
                "spring.datasource.hikari.maximum-pool-size",
                "8",
                "webhook.workers",
                "2",
                // they share one database, and some move their clock by days: a scheduled
                // retention run in one would delete the done events another test waits for
                "webhook.retention-enabled",
                "false",
                // a node on an external database must name its mode; these tests play Meta with the sandbox
                "meta.mode",
                "sandbox");
        // Below a test's own @TestPropertySource values, so that a test can still change any of these.
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource source = new MapPropertySource("postgresTestDatabase", defaults);
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }

    public static synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            jdbcUrl = newDatabase();
        }
        return jdbcUrl;
    }

    /**
     * A database of its own, not the one this JVM's other tests share: for a test that must see only what
     * its own context created (dropped when the JVM ends, like the shared one).
     */
    public static synchronized String newDatabase() {
        String name = PREFIX + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() + databases++;
        try (Connection admin = admin();
                Statement sql = admin.createStatement()) {
            dropLeftovers(admin);
            sql.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is needed for integration tests at " + HOST + ":" + PORT + " (user " + USER + ")", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "drop-" + name));
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void dropLeftovers(Connection admin) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (Statement sql = admin.createStatement();
                ResultSet names =
                        sql.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (names.next()) {
                Matcher ours = OURS.matcher(names.getString(1));
                if (ours.matches()
                        && ProcessHandle.of(Long.parseLong(ours.group(1))).isEmpty()) {
                    stale.add(names.getString(1));
                }
            }
        }
        for (String name : stale) {
            try (Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    private static void drop(String name) {
        try (Connection admin = admin();
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            // Left behind; the next run drops it once this process is gone.
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }
}
