package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.whatsappoficial.WhatsAppOficialApplication;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded H2 database lives as long as the product: not less when the pool empties, not more when it stops. */
class EmbeddedDatabaseLifetimeIT {

    @Test
    void staysOpenWhenThePoolClosesEveryConnectionAtOnceAndIsClosedWhenTheProductStops() throws Exception {
        Path dataDir = Files.createTempDirectory("whatsapp-oficial-lifetime");
        try (ConfigurableApplicationContext product = new SpringApplicationBuilder(WhatsAppOficialApplication.class)
                .run("--app.data-dir=" + dataDir, "--server.port=0")) {
            DataSource dataSource = product.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            // H2 keeps a global temporary table until the database closes: reopened, it is gone.
            jdbc.sql("create global temporary table lifetime_probe (id int)").update();
            jdbc.sql("insert into lifetime_probe values (1)").update();

            closeEveryConnection(dataSource.unwrap(HikariDataSource.class));

            assertThat(jdbc.sql("select count(*) from lifetime_probe")
                            .query(Long.class)
                            .single())
                    .as("the database was not closed and reopened")
                    .isEqualTo(1);
        }
        // H2 holds a lock on its file while the database is open; the same JVM asking for it again is refused.
        try (FileChannel file = FileChannel.open(
                        dataDir.resolve("whatsapp-oficial.mv.db"), StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = file.tryLock()) {
            assertThat(lock)
                    .as("the database file is released once the product has stopped")
                    .isNotNull();
        }
    }

    /** Every connection idle and then evicted: the pool closes them all before it opens new ones. */
    private static void closeEveryConnection(HikariDataSource pool) throws Exception {
        List<Connection> all = new ArrayList<>();
        for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
            all.add(pool.getConnection());
        }
        for (Connection connection : all) {
            connection.close();
        }
        pool.getHikariPoolMXBean().softEvictConnections();
    }
}
