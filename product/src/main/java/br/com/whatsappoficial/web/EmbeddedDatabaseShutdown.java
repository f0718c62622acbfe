package br.com.whatsappoficial.web;

import br.com.whatsappoficial.store.CrossStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.beans.factory.DisposableBean;

/** Closes an embedded H2 database when the product stops, after its connection pool has closed. */
@CrossStore("closes the embedded database itself, which holds every store's rows")
final class EmbeddedDatabaseShutdown implements DisposableBean {

    private final String url;
    private final String username;
    private final String password;

    EmbeddedDatabaseShutdown(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    @Override
    public void destroy() throws SQLException {
        if (!url.startsWith("jdbc:h2:")) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        }
    }
}
