package br.com.whatsappoficial.template;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphTemplates;
import br.com.whatsappoficial.meta.MessageTemplate;
import br.com.whatsappoficial.meta.MessageTemplateId;
import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.MetaErrorClass;
import br.com.whatsappoficial.meta.WabaId;
import br.com.whatsappoficial.store.CurrentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads each WABA's templates from Meta every few hours and on "Sincronizar": adds templates made in
 * WhatsApp Manager, marks the ones Meta no longer lists as deleted, and corrects whatever a lost webhook
 * left stale. What Meta lists is true as of the read, so it wins over older news and loses to newer.
 */
@Component
class TemplateSync {

    private static final Logger log = LoggerFactory.getLogger(TemplateSync.class);

    /**
     * Our clock is not Meta's, and Meta dates its webhooks in whole seconds: what we learn ourselves is
     * dated a little early, so that Meta's next word about the template (a decision right after the
     * creation, a change right after a read) is never taken for older news.
     */
    static final Duration CLOCK_ALLOWANCE = Duration.ofSeconds(10);

    /** When a sync cannot reach Meta, it tries again sooner than the period. */
    static final Duration AFTER_FAILURE = Duration.ofMinutes(15);

    private final TemplateSyncQueue queue;
    private final TemplateSyncs syncs;
    private final TemplateRows rows;
    private final ConnectedAccounts accounts;
    private final GraphTemplates graph;
    private final TransactionTemplate transaction;
    private final TemplateSettings settings;
    private final Clock clock;

    TemplateSync(
            TemplateSyncQueue queue,
            TemplateSyncs syncs,
            TemplateRows rows,
            ConnectedAccounts accounts,
            GraphTemplates graph,
            TransactionTemplate transaction,
            TemplateSettings settings,
            Clock clock) {
        this.queue = queue;
        this.syncs = syncs;
        this.rows = rows;
        this.accounts = accounts;
        this.graph = graph;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    static Instant metaTimeOf(Instant ours) {
        return ours.truncatedTo(ChronoUnit.SECONDS).minus(CLOCK_ALLOWANCE);
    }

    @Scheduled(fixedDelayString = "${template.sync-poll:30s}")
    void syncDue() {
        for (TemplateSyncQueue.Due due : queue.claim(10)) {
            try {
                CurrentStore.runAs(due.store(), () -> syncNow(due.waba()));
            } catch (RuntimeException unexpected) {
                log.error("Syncing the templates of WABA {} failed unexpectedly", due.waba(), unexpected);
            }
        }
    }

    /** Syncs one WABA of the current store; false when Meta could not be read. */
    boolean syncNow(WabaId waba) {
        syncs.track(waba);
        Instant started = clock.instant();
        Optional<BusinessToken> token = accounts.businessToken(waba.value());
        if (token.isEmpty()) {
            // Only webhooks can tell us more until the merchant reconnects.
            syncs.done(waba, started, "NO_TOKEN", started.plus(settings.syncEvery()));
            return false;
        }
        List<MessageTemplate> listed;
        try {
            listed = graph.list(token.get(), waba);
        } catch (MetaCallFailed failed) {
            if (failed.errorClass() == MetaErrorClass.AUTH) {
                accounts.tokenRevoked(waba.value());
            }
            log.info("Syncing the templates of WABA {} failed: {} (code {})", waba, failed.errorClass(), failed.code());
            syncs.done(waba, started, failed.errorClass().name(), started.plus(AFTER_FAILURE));
            return false;
        }
        apply(waba, listed, metaTimeOf(started));
        syncs.done(waba, clock.instant(), "OK", started.plus(settings.syncEvery()));
        return true;
    }

    private void apply(WabaId waba, List<MessageTemplate> listed, Instant at) {
        Set<MessageTemplateId> seen = new HashSet<>();
        for (MessageTemplate meta : listed) {
            MessageTemplateId id;
            TemplateName name;
            TemplateLanguage language;
            try {
                id = new MessageTemplateId(meta.id());
                name = new TemplateName(meta.name());
                language = new TemplateLanguage(meta.language() == null ? "" : meta.language());
            } catch (RuntimeException unreadable) {
                log.warn("Skipping a template of WABA {} Meta listed without a usable id, name or language", waba);
                continue;
            }
            seen.add(id);
            transaction.executeWithoutResult(status -> {
                TemplateStatus metaStatus = new TemplateStatus(meta.status() == null ? "PENDING" : meta.status());
                RejectionReason reason =
                        RejectionReason.fromMeta(meta.rejectedReason()).orElse(null);
                TemplateCategory category =
                        TemplateCategory.fromMeta(meta.category()).orElse(null);
                String quality =
                        meta.qualityScore() == null ? null : meta.qualityScore().score();
                TemplateContent content = TemplateContent.fromMeta(meta);
                Optional<Template> known = rows.lock(id);
                if (known.isPresent()) {
                    if (known.get().syncedFromMeta(metaStatus, reason, category, quality, content, at)) {
                        rows.update(known.get());
                    }
                    return;
                }
                Template found = Template.known(id, waba, name, language, category, content, metaStatus, at);
                found.statusReported(metaStatus, reason, null, at);
                if (quality != null) {
                    found.qualityReported(quality, at);
                }
                if (!rows.insert(found)) {
                    // A webhook recorded it between our lookup and our insert: what Meta listed applies to its row.
                    rows.lock(id)
                            .filter(recorded ->
                                    recorded.syncedFromMeta(metaStatus, reason, category, quality, content, at))
                            .ifPresent(rows::update);
                }
            });
        }
        for (Template ours : rows.ofWaba(waba)) {
            // One created while the list was being read is not missing: it is newer than the read.
            if (!seen.contains(ours.id())
                    && !ours.status().terminal()
                    && ours.statusAt().isBefore(at)) {
                transaction.executeWithoutResult(status -> rows.lock(ours.id()).ifPresent(locked -> {
                    if (locked.missingAtMeta(at)) {
                        rows.update(locked);
                    }
                }));
            }
        }
    }
}
