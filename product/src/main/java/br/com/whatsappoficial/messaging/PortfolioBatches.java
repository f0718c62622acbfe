package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides the messages of one Meta business portfolio that arrive together in one transaction: one lock
 * of the portfolio's budget, one write of its count and one commit for all of them, instead of one of
 * each per message. The budget's lock makes a portfolio's decisions take turns on every node anyway;
 * taking those turns inside one transaction is what lets a campaign's concurrent sends go faster than one
 * commit at a time, and what arrives while a batch commits forms the next one, so a lone message waits for
 * nobody.
 *
 * <p>A piece of work that refuses its message ({@link SendProblem}) must have written nothing, so the
 * others commit without it. Any other failure rolls the batch back and runs each of its pieces again in a
 * transaction of its own, so that one bad message fails alone.
 */
@Component
class PortfolioBatches {

    /** Bounds how long one batch holds the portfolio's lock, and how long the last of it waits for the first. */
    static final int MOST_PER_BATCH = 64;

    /** What one message does with the portfolio's budget inside the batch's transaction. */
    @FunctionalInterface
    interface Work<R> {
        R run(ProactiveBudget.Ledger ledger);
    }

    private final ProactiveBudget budget;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ConcurrentHashMap<String, PortfolioQueue> queues = new ConcurrentHashMap<>();

    PortfolioBatches(ProactiveBudget budget, PlatformTransactionManager transactions, Clock clock) {
        this.budget = budget;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Runs the work in the portfolio's next batch, as the current store, and answers once that batch is
     * committed: its result, or what it threw.
     */
    <R> R run(String portfolio, Work<R> work) {
        Job<R> job = new Job<>(CurrentStore.current().orElse(null), work);
        PortfolioQueue queue = queues.computeIfAbsent(portfolio, PortfolioQueue::new);
        queue.jobs.add(job);
        if (queue.draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name("budget-batches").start(() -> drain(queue));
        }
        return job.answer();
    }

    /** How many messages wait for the portfolio's next batch. */
    int waiting(String portfolio) {
        PortfolioQueue queue = queues.get(portfolio);
        return queue == null ? 0 : queue.jobs.size();
    }

    private void drain(PortfolioQueue queue) {
        do {
            try {
                for (List<Job<?>> batch = queue.next(); !batch.isEmpty(); batch = queue.next()) {
                    commit(queue.portfolio, batch);
                }
            } finally {
                queue.draining.set(false);
            }
            // Work queued after the last look but before the flag fell found it raised: take it up here.
        } while (!queue.jobs.isEmpty() && queue.draining.compareAndSet(false, true));
    }

    private void commit(String portfolio, List<Job<?>> batch) {
        try {
            transaction.executeWithoutResult(status -> {
                ProactiveBudget.Ledger ledger = budget.open(portfolio, clock.instant());
                batch.forEach(job -> job.attempt(ledger));
                ledger.close();
            });
        } catch (RuntimeException | Error failure) {
            if (batch.size() == 1) {
                batch.getFirst().fail(failure);
            } else {
                batch.forEach(job -> commit(portfolio, List.of(job)));
            }
            return;
        }
        batch.forEach(Job::committed);
    }

    private static final class PortfolioQueue {
        final String portfolio;
        final ConcurrentLinkedQueue<Job<?>> jobs = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();

        PortfolioQueue(String portfolio) {
            this.portfolio = portfolio;
        }

        List<Job<?>> next() {
            List<Job<?>> batch = new ArrayList<>();
            for (Job<?> job = jobs.poll(); job != null; job = batch.size() < MOST_PER_BATCH ? jobs.poll() : null) {
                batch.add(job);
            }
            return batch;
        }
    }

    /** One message's work, and its outcome once its batch is committed. */
    private static final class Job<R> {
        private final @Nullable StoreId store;
        private final Work<R> work;
        private final CompletableFuture<R> answer = new CompletableFuture<>();
        private @Nullable R result;
        private @Nullable SendProblem refusal;

        Job(@Nullable StoreId store, Work<R> work) {
            this.store = store;
            this.work = work;
        }

        /** Runs the work in the batch's transaction; a refusal is kept, any other failure fails the batch. */
        void attempt(ProactiveBudget.Ledger ledger) {
            result = null;
            refusal = null;
            try {
                result = store == null ? work.run(ledger) : CurrentStore.callAs(store, () -> work.run(ledger));
            } catch (SendProblem refused) {
                refusal = refused;
            }
        }

        void committed() {
            if (refusal != null) {
                answer.completeExceptionally(refusal);
            } else {
                answer.complete(result);
            }
        }

        void fail(Throwable failure) {
            answer.completeExceptionally(failure);
        }

        R answer() {
            try {
                return answer.join();
            } catch (CompletionException wrapped) {
                if (wrapped.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (wrapped.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw wrapped;
            }
        }
    }
}
