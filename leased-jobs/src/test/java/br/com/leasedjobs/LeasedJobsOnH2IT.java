package br.com.leasedjobs;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;

/** Claims on H2 in PostgreSQL mode, the embedded default's database, in memory. */
class LeasedJobsOnH2IT extends LeasedJobsContract {

    private static final String URL = "jdbc:h2:mem:leased-jobs-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Override
    HikariDataSource newPool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(URL);
        pool.setMaximumPoolSize(4);
        return pool;
    }
}
