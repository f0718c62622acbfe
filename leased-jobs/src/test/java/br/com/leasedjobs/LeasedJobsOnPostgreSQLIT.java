package br.com.leasedjobs;

import br.com.testsupport.PostgresTestDatabase;
import com.zaxxer.hikari.HikariDataSource;

/** Claims on PostgreSQL, each test class on a database of its own. */
class LeasedJobsOnPostgreSQLIT extends LeasedJobsContract {

    private static final String URL = PostgresTestDatabase.newDatabase();

    @Override
    HikariDataSource newPool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(URL);
        pool.setUsername(PostgresTestDatabase.user());
        pool.setPassword(PostgresTestDatabase.password());
        pool.setMaximumPoolSize(4);
        return pool;
    }
}
