package br.com.whatsappoficial.accounttest;

import br.com.whatsappoficial.account.BrazilianPhoneNumber;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.ConnectedNumber;
import br.com.whatsappoficial.account.InvalidPhoneNumber;
import br.com.whatsappoficial.account.Waba;
import br.com.whatsappoficial.api.ApiProblem;
import br.com.whatsappoficial.messaging.TemplateSends;
import br.com.whatsappoficial.template.TemplateDetails;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a run of the current store: the checks at Meta, then the template to the merchant's phone through
 * the messaging module's normal send path. What follows (statuses, the customer's code, the deadline)
 * arrives later as events and moves the run in {@link RunReports} and {@link RunDeadlines}.
 */
@Component
class AccountTests {

    private final ConnectedAccounts accounts;
    private final AccountChecks checks;
    private final TestTemplates templates;
    private final TemplateSends sends;
    private final TestRuns runs;
    private final AccountTestSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountTests(
            ConnectedAccounts accounts,
            AccountChecks checks,
            TestTemplates templates,
            TemplateSends sends,
            TestRuns runs,
            AccountTestSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.accounts = accounts;
        this.checks = checks;
        this.templates = templates;
        this.sends = sends;
        this.runs = runs;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The number a run would test and the template it would send, for the page before any run. */
    record Subject(ConnectedNumber number, Optional<TemplateDetails> template) {}

    Optional<Subject> subject() {
        return tested().map(number -> new Subject(number, templates.choose(number.wabaId())));
    }

    /** Starts and checks a run; the template is queued when every check passed. */
    TestRun start(String typedPhone) {
        BrazilianPhoneNumber merchant;
        try {
            merchant = BrazilianPhoneNumber.parse(typedPhone);
        } catch (InvalidPhoneNumber invalid) {
            throw new RunRefused(RunRefused.Reason.PHONE_INVALID);
        }
        if (!merchant.mobile()) {
            throw new RunRefused(RunRefused.Reason.PHONE_LANDLINE);
        }
        ConnectedNumber number = tested().orElseThrow(() -> new RunRefused(RunRefused.Reason.NOT_CONNECTED));
        if (number.number().equals(merchant)) {
            throw new RunRefused(RunRefused.Reason.OWN_NUMBER);
        }
        TestRun run = TestRun.start(number.phoneNumberId(), merchant, clock.instant(), settings.timeout());
        runs.save(run);
        checks.check(run, number.wabaId());
        if (!run.checksPassed()) {
            runs.save(run);
            return run;
        }
        Optional<TemplateDetails> template = templates.choose(number.wabaId());
        if (template.isEmpty()) {
            run.templateRefused(StepResult.Failure.of("accounttest.reason.no-template"), clock.instant());
            runs.save(run);
            return run;
        }
        // The message and the run's record of it commit together: a status can never arrive for a message
        // the run does not know yet.
        transactions.executeWithoutResult(status -> {
            try {
                String messageId = sends.send(
                        merchant.e164(), template.get().name(), template.get().language(), "testar-conta:" + run.id());
                run.templateQueued(messageId, template.get().name(), clock.instant());
            } catch (ApiProblem refused) {
                status.setRollbackOnly();
                run.templateRefused(sendFailure(refused), clock.instant());
            }
        });
        if (run.verdict().finished()) {
            runs.save(run);
        } else {
            transactions.executeWithoutResult(status -> runs.save(run));
        }
        return run;
    }

    Optional<TestRun> run(TestRunId id) {
        return runs.find(id);
    }

    /** The store's number a run tested; empty once the number left the store. */
    Optional<BrazilianPhoneNumber> storeNumber(TestRun run) {
        return accounts.number(run.phoneNumberId()).map(ConnectedNumber::number);
    }

    Optional<TestRun> latest() {
        return runs.latest();
    }

    List<TestRun> history(int page, int size) {
        return runs.page(page, size);
    }

    /** Why the messaging module refused the send, in the merchant's words. */
    private static StepResult.Failure sendFailure(ApiProblem refused) {
        return switch (refused.code()) {
            case PROACTIVE_LIMIT_REACHED -> StepResult.Failure.of("accounttest.reason.limit-reached");
            case RECIPIENT_OPTED_OUT -> StepResult.Failure.of("accounttest.reason.opted-out");
            case NUMBER_NOT_READY -> StepResult.Failure.of("accounttest.reason.number-not-ready");
            case TEMPLATE_NOT_APPROVED, TEMPLATE_PARAMETERS -> StepResult.Failure.of("accounttest.reason.no-template");
            default ->
                StepResult.Failure.of(
                        "accounttest.reason.send-refused", refused.code().code());
        };
    }

    /**
     * The number to test: the store's active one, else its first. A WABA whose token Meta refused is still
     * tested, so that the token check names the cause.
     */
    private Optional<ConnectedNumber> tested() {
        for (Map.Entry<Waba, List<ConnectedNumber>> waba :
                accounts.numbersByWaba().entrySet()) {
            Optional<ConnectedNumber> number = waba.getValue().stream()
                    .sorted(Comparator.comparing(ConnectedNumber::active).reversed())
                    .findFirst();
            if (number.isPresent()) {
                return number;
            }
        }
        return Optional.empty();
    }
}
