package br.com.whatsappoficial.accounttest;

import br.com.whatsappoficial.store.CrossStore;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Times out the runs whose deadline passed, each as its store, so a run never stays "em andamento". */
@Component
@CrossStore("finds the overdue runs of every store, then times each out as its own store")
class RunDeadlines {

    private final JdbcClient jdbc;
    private final TestRuns runs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RunDeadlines(JdbcClient jdbc, TestRuns runs, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accounttest.deadline-poll:15s}")
    void expireOverdue() {
        jdbc.sql("select store_id, run_id from account_test_runs where verdict = 'RUNNING' and deadline <= :now")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query((rs, n) -> new Overdue(
                        new StoreId(rs.getObject("store_id", UUID.class)),
                        new TestRunId(rs.getObject("run_id", UUID.class))))
                .list()
                .forEach(overdue -> CurrentStore.runAs(
                        overdue.store(),
                        () -> transactions.executeWithoutResult(status -> runs.lock(overdue.run())
                                .filter(run -> run.expire(clock.instant()))
                                .ifPresent(runs::save))));
    }

    private record Overdue(StoreId store, TestRunId run) {}
}
