package br.com.whatsappoficial.template;

import br.com.whatsappoficial.account.WabaConnected;
import br.com.whatsappoficial.meta.MessageTemplateId;
import br.com.whatsappoficial.meta.WabaId;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.webhook.TemplateCategoryChanged;
import br.com.whatsappoficial.webhook.TemplateQualityChanged;
import br.com.whatsappoficial.webhook.TemplateStatusChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Applies Meta's template webhooks as the event's store, each under the template's row lock. A
 * template the store does not know yet (made in WhatsApp Manager) is recorded from the webhook and
 * its WABA synced soon, which fills in its text.
 */
@Component
class TemplateSignals {

    private static final Logger log = LoggerFactory.getLogger(TemplateSignals.class);

    private final TemplateRows rows;
    private final TemplateSyncs syncs;
    private final Clock clock;

    TemplateSignals(TemplateRows rows, TemplateSyncs syncs, Clock clock) {
        this.rows = rows;
        this.syncs = syncs;
        this.clock = clock;
    }

    /** A newly connected WABA may already hold templates made in WhatsApp Manager: read them soon. */
    @ApplicationModuleListener
    void on(WabaConnected event) {
        CurrentStore.runAs(event.store(), () -> syncs.soon(new WabaId(event.wabaId())));
    }

    @ApplicationModuleListener
    void on(TemplateStatusChanged event) {
        Instant at = at(event.at());
        TemplateStatus status = new TemplateStatus(event.event());
        RejectionReason reason = RejectionReason.fromMeta(event.reason()).orElse(null);
        CurrentStore.runAs(
                event.store(),
                () -> apply(
                        event.wabaId(),
                        event.templateId(),
                        event.templateName(),
                        event.language(),
                        event.category(),
                        template -> template.statusReported(status, reason, event.rejectionDetail(), at),
                        at));
    }

    /**
     * Meta's done notice ({@code previous_category} and {@code new_category}) changes the category. Its
     * advance notice ({@code correct_category}, with {@code new_category} naming the category today) only
     * warns the merchant of the change to come: the category stays until the done notice.
     */
    @ApplicationModuleListener
    void on(TemplateCategoryChanged event) {
        Instant at = at(event.at());
        Optional<TemplateCategory> announced = TemplateCategory.fromMeta(event.correctCategory());
        if (announced.isPresent() && event.previousCategory() == null) {
            CurrentStore.runAs(
                    event.store(),
                    () -> apply(
                            event.wabaId(),
                            event.templateId(),
                            event.templateName(),
                            event.language(),
                            event.newCategory(),
                            template -> template.categoryAnnounced(announced.get(), event.effectiveAt(), at),
                            at));
            return;
        }
        Optional<TemplateCategory> to = TemplateCategory.fromMeta(event.newCategory());
        if (to.isEmpty()) {
            return;
        }
        TemplateCategory from =
                TemplateCategory.fromMeta(event.previousCategory()).orElse(null);
        CurrentStore.runAs(
                event.store(),
                () -> apply(
                        event.wabaId(),
                        event.templateId(),
                        event.templateName(),
                        event.language(),
                        from == null ? event.newCategory() : from.name(),
                        template -> template.recategorised(from, to.get(), at),
                        at));
    }

    @ApplicationModuleListener
    void on(TemplateQualityChanged event) {
        Instant at = at(event.at());
        CurrentStore.runAs(
                event.store(),
                () -> apply(
                        event.wabaId(),
                        event.templateId(),
                        event.templateName(),
                        event.language(),
                        null,
                        template -> template.qualityReported(event.newQuality(), at),
                        at));
    }

    private void apply(
            String wabaId,
            String templateId,
            String name,
            String language,
            @Nullable String category,
            Predicate<Template> change,
            Instant at) {
        MessageTemplateId id = new MessageTemplateId(templateId);
        Optional<Template> known = rows.lock(id);
        if (known.isPresent()) {
            boolean changed = change.test(known.get());
            if (changed) {
                rows.update(known.get());
            }
            log.debug(
                    "Template {} of WABA {}: Meta's news of {} {}",
                    id,
                    wabaId,
                    at,
                    changed ? "applied" : "was not news");
            return;
        }
        log.debug("Template {} of WABA {} is new to us: recorded from Meta's webhook", id, wabaId);
        WabaId waba = new WabaId(wabaId);
        // Known from the webhook alone: its text comes with the sync, its status starts as PENDING news
        // older than anything Meta says about it, so the event below (or any newer one) applies.
        Template found = Template.known(
                id,
                waba,
                new TemplateName(name),
                new TemplateLanguage(language),
                TemplateCategory.fromMeta(category).orElse(null),
                new TemplateContent(null, null, "", null, List.of(), Map.of(), ParameterFormat.POSITIONAL, null),
                TemplateStatus.PENDING,
                Instant.EPOCH);
        change.test(found);
        if (!rows.insert(found)) {
            // Another worker recorded it between our lookup and our insert: apply the news to its row.
            rows.lock(id).filter(change).ifPresent(rows::update);
        }
        syncs.soon(waba);
    }

    private Instant at(@Nullable Instant metaTime) {
        return metaTime != null ? metaTime : clock.instant();
    }
}
