package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.ConnectionPools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Readiness follows whether the node can use its database, not only reach it. */
@PostgresIntegrationTest
class ReadinessIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void aDatabaseThatAnswersButCannotWriteTakesTheNodeOutOfServiceUntilItWritesAgain() throws Exception {
        assertThat(readiness()).isEqualTo(200);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String database =
                jdbc.sql("select current_database()").query(String.class).single();
        try {
            // What a node sees when its primary was turned into a read-only standby by a failover.
            jdbc.sql("alter database " + database + " set default_transaction_read_only = on")
                    .update();
            ConnectionPools.retireEveryConnection(dataSource);
            await().atMost(Duration.ofSeconds(20)).until(() -> readiness() == 503);
        } finally {
            try (Connection admin = dataSource.getConnection();
                    Statement sql = admin.createStatement()) {
                sql.execute("set default_transaction_read_only = off");
                sql.execute("alter database " + database + " reset default_transaction_read_only");
            }
            ConnectionPools.retireEveryConnection(dataSource);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> readiness() == 200);
    }

    private int readiness() throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
