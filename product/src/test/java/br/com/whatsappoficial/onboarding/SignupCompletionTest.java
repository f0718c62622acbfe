package br.com.whatsappoficial.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import br.com.whatsappoficial.account.ConnectOutcome;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.meta.BusinessPhoneNumber;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphAccounts;
import br.com.whatsappoficial.meta.GraphTokens;
import br.com.whatsappoficial.meta.PhoneNumberId;
import br.com.whatsappoficial.meta.PhoneNumbersPage;
import br.com.whatsappoficial.meta.TokenInfo;
import br.com.whatsappoficial.meta.WabaId;
import br.com.whatsappoficial.meta.WhatsAppBusinessAccount;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Meta is read with no transaction open (a pooled connection would wait seconds on Meta), and what the
 * signup produced is written in one transaction, rolled back when the signup is refused.
 */
class SignupCompletionTest {

    final CountingTransactions transactions = new CountingTransactions();
    final GraphTokens tokens = mock(GraphTokens.class);
    final GraphAccounts graphAccounts = mock(GraphAccounts.class);
    final ConnectedAccounts accounts = mock(ConnectedAccounts.class);
    final Registrations registrations = mock(Registrations.class);
    final SignupCompletion completion = new SignupCompletion(
            tokens,
            graphAccounts,
            accounts,
            registrations,
            mock(AppDataSyncs.class),
            new TransactionTemplate(transactions));

    @BeforeEach
    void metaAnswersOutsideAnyTransaction() {
        BusinessToken token = new BusinessToken("EAAG-test");
        TokenInfo info = mock(TokenInfo.class);
        when(info.isValid()).thenReturn(true);
        when(info.grantsWhatsApp()).thenReturn(true);
        when(info.expiry()).thenReturn(Optional.empty());
        when(info.managedWabaIds()).thenReturn(List.of("1001"));
        WhatsAppBusinessAccount waba = mock(WhatsAppBusinessAccount.class);
        when(waba.id()).thenReturn("1001");
        BusinessPhoneNumber number = mock(BusinessPhoneNumber.class);
        when(number.id()).thenReturn("2001");
        when(number.displayPhoneNumber()).thenReturn("+55 11 91234-5678");

        when(tokens.exchangeCode("code-1")).thenAnswer(outsideTransaction(token));
        when(tokens.inspect(token)).thenAnswer(outsideTransaction(info));
        when(graphAccounts.account(token, "1001")).thenAnswer(outsideTransaction(waba));
        when(graphAccounts.phoneNumbers(token, "1001"))
                .thenAnswer(outsideTransaction(new PhoneNumbersPage(List.of(number), null)));
    }

    @Test
    void readsMetaOutsideAnyTransactionAndWritesInOne() {
        when(accounts.connect(any())).thenAnswer(insideTransaction(ConnectOutcome.CONNECTED));

        assertThat(completion.complete(new SignupFinished("code-1", new WabaId("1001"), new PhoneNumberId("2001"))))
                .isEqualTo(ConnectOutcome.CONNECTED);

        verify(registrations).start("2001", "1001", false);
        assertThat(transactions.commits).isEqualTo(1);
        assertThat(transactions.rollbacks).isZero();
    }

    @Test
    void aRefusedSignupRollsBackAndRegistersNothing() {
        when(accounts.connect(any())).thenAnswer(insideTransaction(ConnectOutcome.TOO_MANY_NUMBERS));

        assertThatThrownBy(() -> completion.complete(
                        new SignupFinished("code-1", new WabaId("1001"), new PhoneNumberId("2001"))))
                .isInstanceOf(SignupRefused.class);

        verify(registrations, never()).start(anyString(), anyString(), anyBoolean());
        assertThat(transactions.commits).isZero();
        assertThat(transactions.rollbacks).isEqualTo(1);
    }

    private static <T> Answer<T> outsideTransaction(T answer) {
        return invocation -> {
            assertThat(TransactionSynchronizationManager.isActualTransactionActive())
                    .as("a transaction is open while Meta is called: " + invocation.getMethod())
                    .isFalse();
            return answer;
        };
    }

    private static <T> Answer<T> insideTransaction(T answer) {
        return invocation -> {
            assertThat(TransactionSynchronizationManager.isActualTransactionActive())
                    .isTrue();
            return answer;
        };
    }

    /** A transaction manager without a database that counts what happened. */
    static final class CountingTransactions extends AbstractPlatformTransactionManager {

        int commits;
        int rollbacks;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks++;
        }
    }
}
