package br.com.whatsappoficial.accounttest;

import br.com.whatsappoficial.account.BrazilianPhoneNumber;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current store's runs of Testar a conta, each saved whole with its steps. */
@Component
class TestRuns {

    private static final String COLUMNS = "run_id, phone_number_id, merchant_phone, code, started_at, deadline,"
            + " message_id, template_name, sent_at, verdict, finished_at";

    private final StoreScopedJdbc jdbc;

    TestRuns(StoreScopedJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void save(TestRun run) {
        int updated = changing(jdbc.sql("""
                                update account_test_runs set message_id = :messageId, template_name = :template,
                                       sent_at = :sentAt, verdict = :verdict, finished_at = :finishedAt
                                where store_id = :storeId and run_id = :id"""), run).update();
        if (updated == 0) {
            changing(
                            jdbc.sql("insert into account_test_runs (store_id, " + COLUMNS + ") values (:storeId, :id,"
                                    + " :phone, :merchant, :code, :startedAt, :deadline, :messageId, :template,"
                                    + " :sentAt, :verdict, :finishedAt)"),
                            run)
                    .param("phone", run.phoneNumberId())
                    .param("merchant", run.merchantPhone().e164())
                    .param("code", run.code().value())
                    .param("startedAt", at(run.startedAt()))
                    .param("deadline", at(run.deadline()))
                    .update();
        }
        jdbc.sql("delete from account_test_steps where store_id = :storeId and run_id = :id")
                .param("id", run.id().value())
                .update();
        for (StepResult step : run.steps()) {
            jdbc.sql("""
                            insert into account_test_steps (run_id, store_id, step, state, reason, arguments,
                                   happened_at, elapsed_ms)
                            values (:id, :storeId, :step, :state, :reason, :arguments, :at, :elapsed)""")
                    .param("id", run.id().value())
                    .param("step", step.step().name())
                    .param("state", step.state().name())
                    .param("reason", step.reason())
                    .param("arguments", step.arguments().isEmpty() ? null : String.join("\n", step.arguments()))
                    .param("at", at(step.at()))
                    .param(
                            "elapsed",
                            step.elapsed() == null ? null : step.elapsed().toMillis())
                    .update();
        }
    }

    /** The run's id and what a run changes as it goes, bound to {@code statement}. */
    private static JdbcClient.StatementSpec changing(JdbcClient.StatementSpec statement, TestRun run) {
        return statement
                .param("id", run.id().value())
                .param("messageId", run.messageId())
                .param("template", run.templateName())
                .param("sentAt", at(run.sentAt()))
                .param("verdict", run.verdict().name())
                .param("finishedAt", at(run.finishedAt()));
    }

    Optional<TestRun> find(TestRunId id) {
        return jdbc.sql("select " + COLUMNS + " from account_test_runs where store_id = :storeId and run_id = :id")
                .param("id", id.value())
                .query(this::run)
                .optional();
    }

    /** The run locked until the transaction ends, so that two webhooks never move it at once. */
    Optional<TestRun> lock(TestRunId id) {
        return jdbc.sql("select " + COLUMNS + " from account_test_runs where store_id = :storeId and run_id = :id"
                        + " for update")
                .param("id", id.value())
                .query(this::run)
                .optional();
    }

    /** The run that sent the messaging module's message {@code messageId}. */
    Optional<TestRunId> ofMessage(String messageId) {
        return jdbc.sql("select run_id from account_test_runs where store_id = :storeId and message_id = :message")
                .param("message", messageId)
                .query(UUID.class)
                .optional()
                .map(TestRunId::new);
    }

    /** Of these message ids (what messaging gave Meta with each send), those of a test run's message. */
    Set<String> messagesOfRuns(Collection<String> messageIds) {
        return new HashSet<>(
                jdbc.sql("select message_id from account_test_runs where store_id = :storeId and message_id in (:ids)")
                        .param("ids", messageIds)
                        .query(String.class)
                        .list());
    }

    /** The running run waiting for {@code code}. */
    Optional<TestRunId> waitingFor(InboundCode code) {
        return jdbc.sql("select run_id from account_test_runs where store_id = :storeId and code = :code"
                        + " and verdict = 'RUNNING'")
                .param("code", code.value())
                .query(UUID.class)
                .optional()
                .map(TestRunId::new);
    }

    Optional<TestRun> latest() {
        return jdbc.sql("select " + COLUMNS + " from account_test_runs where store_id = :storeId"
                        + " order by started_at desc limit 1")
                .query(this::run)
                .optional();
    }

    /** One page of the history, newest first, with one more row than asked when a next page exists. */
    List<TestRun> page(int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from account_test_runs where store_id = :storeId"
                        + " order by started_at desc limit :limit offset :offset")
                .param("limit", size + 1)
                .param("offset", page * size)
                .query(this::run)
                .list();
    }

    private TestRun run(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("run_id", UUID.class);
        return new TestRun(
                new TestRunId(id),
                rs.getString("phone_number_id"),
                new BrazilianPhoneNumber(rs.getString("merchant_phone")),
                new InboundCode(rs.getString("code")),
                instant(rs, "started_at"),
                instant(rs, "deadline"),
                steps(id),
                rs.getString("message_id"),
                rs.getString("template_name"),
                instant(rs, "sent_at"),
                RunVerdict.valueOf(rs.getString("verdict")),
                instant(rs, "finished_at"));
    }

    private List<StepResult> steps(UUID run) {
        return jdbc.sql("select step, state, reason, arguments, happened_at, elapsed_ms from account_test_steps"
                        + " where store_id = :storeId and run_id = :id")
                .param("id", run)
                .query((rs, n) -> {
                    String arguments = rs.getString("arguments");
                    Long elapsed = rs.getObject("elapsed_ms", Long.class);
                    return new StepResult(
                            TestStep.valueOf(rs.getString("step")),
                            StepState.valueOf(rs.getString("state")),
                            rs.getString("reason"),
                            arguments == null ? List.of() : Arrays.asList(arguments.split("\n", -1)),
                            instant(rs, "happened_at"),
                            elapsed == null ? null : Duration.ofMillis(elapsed));
                })
                .list();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime at(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
