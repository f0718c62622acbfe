package br.com.whatsappoficial.accounttest;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.meta.BusinessPhoneNumber;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphAccounts;
import br.com.whatsappoficial.meta.GraphPhones;
import br.com.whatsappoficial.meta.GraphTokens;
import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.meta.SubscribedApp;
import br.com.whatsappoficial.meta.TokenInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The three checks of a run, asked of Meta with the store's token: the token itself ({@code debug_token}:
 * valid, not expired, both WhatsApp permissions), the number (connected to the Cloud API) and the WABA's
 * webhook subscription (our app among {@code subscribed_apps}). Each moves the run; the first failure ends it.
 */
@Component
class AccountChecks {

    private final ConnectedAccounts accounts;
    private final GraphTokens tokens;
    private final GraphPhones phones;
    private final GraphAccounts wabas;
    private final MetaSettings meta;
    private final Clock clock;

    AccountChecks(
            ConnectedAccounts accounts,
            GraphTokens tokens,
            GraphPhones phones,
            GraphAccounts wabas,
            MetaSettings meta,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.phones = phones;
        this.wabas = wabas;
        this.meta = meta;
        this.clock = clock;
    }

    /** Runs the checks in order on {@code run}, stopping at the first that fails. */
    void check(TestRun run, String wabaId) {
        Optional<BusinessToken> token = accounts.businessToken(wabaId);
        if (token.isEmpty()) {
            run.checkFailed(TestStep.TOKEN, StepResult.Failure.of("accounttest.reason.token-revoked"), clock.instant());
            return;
        }
        if (!passes(run, TestStep.TOKEN, () -> token(token.get()))) {
            return;
        }
        if (!passes(run, TestStep.NUMBER, () -> number(token.get(), run.phoneNumberId()))) {
            return;
        }
        passes(run, TestStep.WEBHOOKS, () -> subscription(token.get(), wabaId));
    }

    private boolean passes(TestRun run, TestStep step, Check check) {
        Optional<StepResult.Failure> failure;
        try {
            failure = check.failure();
        } catch (MetaCallFailed failed) {
            failure = Optional.of(metaFailure(failed));
        }
        if (failure.isPresent()) {
            run.checkFailed(step, failure.get(), clock.instant());
            return false;
        }
        run.checkPassed(step, clock.instant());
        return true;
    }

    private Optional<StepResult.Failure> token(BusinessToken token) {
        TokenInfo info = tokens.inspect(token);
        Instant now = clock.instant();
        if (!info.isValid()
                || info.expiry().filter(expiry -> !expiry.isAfter(now)).isPresent()) {
            return Optional.of(StepResult.Failure.of("accounttest.reason.token-invalid"));
        }
        if (!info.grantsWhatsApp()) {
            String missing = info.scopes().contains(TokenInfo.MANAGEMENT) ? TokenInfo.MESSAGING : TokenInfo.MANAGEMENT;
            return Optional.of(StepResult.Failure.of("accounttest.reason.token-scopes", missing));
        }
        return Optional.empty();
    }

    private Optional<StepResult.Failure> number(BusinessToken token, String phoneNumberId) {
        BusinessPhoneNumber number = phones.phoneNumber(token, phoneNumberId);
        if (!"CLOUD_API".equals(number.platformType())) {
            return Optional.of(StepResult.Failure.of(
                    "accounttest.reason.number-platform", Objects.requireNonNullElse(number.platformType(), "?")));
        }
        if (!"CONNECTED".equals(number.status())) {
            return Optional.of(StepResult.Failure.of(
                    number.codeVerified() ? "accounttest.reason.number-status" : "accounttest.reason.number-unverified",
                    Objects.requireNonNullElse(number.status(), "?")));
        }
        return Optional.empty();
    }

    private Optional<StepResult.Failure> subscription(BusinessToken token, String wabaId) {
        boolean ours = wabas.subscribedApps(token, wabaId).stream()
                .map(SubscribedApp::whatsappBusinessApiData)
                .filter(Objects::nonNull)
                .anyMatch(app -> app.id().equals(meta.appId()));
        return ours ? Optional.empty() : Optional.of(StepResult.Failure.of("accounttest.reason.webhooks-missing"));
    }

    /** Meta refused or did not answer: the reason by the error's class, with Meta's code for support. */
    static StepResult.Failure metaFailure(MetaCallFailed failed) {
        String reason = switch (failed.errorClass()) {
            case AUTH -> "accounttest.reason.token-invalid";
            case PERMISSION -> "accounttest.reason.meta-permission";
            case TIMEOUT, TRANSIENT, THROTTLING -> "accounttest.reason.meta-unavailable";
            default -> "accounttest.reason.meta-refused";
        };
        return StepResult.Failure.of(reason, String.valueOf(failed.code()));
    }

    @FunctionalInterface
    private interface Check {
        Optional<StepResult.Failure> failure();
    }
}
