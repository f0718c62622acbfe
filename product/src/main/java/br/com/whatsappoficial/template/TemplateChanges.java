package br.com.whatsappoficial.template;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphTemplates;
import br.com.whatsappoficial.meta.MessageTemplateId;
import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.MetaErrorClass;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The merchant's edits and deletions of existing templates, sent to Meta after refusing here what Meta
 * would refuse (the template's status, a category it may not change, Meta's edit limits).
 */
@Service
class TemplateChanges {

    private final TemplateRows rows;
    private final TemplateEdits edits;
    private final ConnectedAccounts accounts;
    private final GraphTemplates graph;
    private final TransactionTemplate transaction;
    private final HeaderSamples samples;
    private final Clock clock;

    TemplateChanges(
            TemplateRows rows,
            TemplateEdits edits,
            ConnectedAccounts accounts,
            GraphTemplates graph,
            TransactionTemplate transaction,
            HeaderSamples samples,
            Clock clock) {
        this.rows = rows;
        this.edits = edits;
        this.accounts = accounts;
        this.graph = graph;
        this.transaction = transaction;
        this.samples = samples;
        this.clock = clock;
    }

    /** The store's template with Meta's id {@code id}, deleted ones included; empty for anything else. */
    Optional<Template> find(String id) {
        try {
            return rows.find(new MessageTemplateId(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Why the template cannot be edited now, before the merchant types anything: its status or Meta's limits. */
    List<TemplateProblem> editBlocked(Template template) {
        return template.editable()
                ? List.of()
                : template.editRefusals(sameAs(template), template.content().format());
    }

    /** When Meta's edit limits free the template again, if they hold it now. */
    Optional<TemplateEditsExhausted> editsExhausted(Template template) {
        return edits.exhausted(template);
    }

    /**
     * Replaces the template's content (and category, while rejected) at Meta; it goes back to review.
     *
     * @throws TemplateRefused when Meta's rules refuse the content or the change
     * @throws TemplateEditsExhausted when the approved template used Meta's edits of the day or the month
     * @throws NoWabaForTemplates when Meta no longer accepts the WABA's token
     * @throws TemplateChangeFailed when Meta refused the edit or did not answer
     */
    TemplateDetails edit(Template template, NewTemplate submitted) {
        // Meta edits a template in place: its name and language are the template's, whatever was posted.
        NewTemplate edited = new NewTemplate(
                template.name().value(),
                submitted.category(),
                template.language().code(),
                submitted.header(),
                submitted.headerExample(),
                submitted.body(),
                submitted.footer(),
                submitted.buttons(),
                submitted.examples(),
                submitted.mediaHeader(),
                submitted.sample());
        List<TemplateProblem> problems = new ArrayList<>(TemplateRules.check(edited));
        problems.addAll(template.editRefusals(edited, TemplateRules.formatOf(edited)));
        if (!problems.isEmpty()) {
            throw new TemplateRefused(problems);
        }
        Optional<TemplateEditsExhausted> exhausted = edits.exhausted(template);
        if (exhausted.isPresent()) {
            throw exhausted.get();
        }
        BusinessToken token = token(template);
        TemplateContent content;
        boolean newCategory = template.category() != null && edited.category() != template.category();
        try {
            content = TemplateContent.of(samples.uploaded(token, edited));
            graph.edit(token, template.id(), newCategory ? edited.category().name() : null, content.toMeta());
        } catch (MetaCallFailed failed) {
            throw failed(template, failed);
        }
        boolean approved = template.status().equals(TemplateStatus.APPROVED);
        Instant at = TemplateSync.metaTimeOf(clock.instant());
        return transaction.execute(status -> {
            Template locked = rows.lock(template.id()).orElseThrow();
            locked.edited(content, edited.category(), at);
            rows.update(locked);
            if (approved) {
                // Counted once Meta accepted it: an edit Meta refused does not count against its limits.
                edits.record(template.id());
            }
            return locked.details();
        });
    }

    /**
     * Deletes the template at Meta, which deletes every language of its name; each is marked deleted here.
     *
     * @return the languages deleted
     * @throws NoWabaForTemplates when Meta no longer accepts the WABA's token
     * @throws TemplateChangeFailed when Meta refused the deletion or did not answer
     */
    List<TemplateLanguage> delete(Template template) {
        BusinessToken token = token(template);
        try {
            graph.delete(token, template.waba(), template.name().value());
        } catch (MetaCallFailed failed) {
            throw failed(template, failed);
        }
        Instant at = clock.instant();
        return transaction.execute(status -> {
            List<TemplateLanguage> deleted = new ArrayList<>();
            for (Template sameName : namesakes(template)) {
                rows.lock(sameName.id()).ifPresent(locked -> {
                    locked.deleted(at);
                    rows.update(locked);
                    deleted.add(locked.language());
                });
            }
            return List.copyOf(deleted);
        });
    }

    /** The live templates Meta deletes with this one: every language of its name in its WABA. */
    List<Template> namesakes(Template template) {
        return rows.ofWaba(template.waba()).stream()
                .filter(other -> other.name().equals(template.name()))
                .filter(other -> !other.status().terminal())
                .toList();
    }

    private BusinessToken token(Template template) {
        return accounts.businessToken(template.waba().value()).orElseThrow(NoWabaForTemplates::new);
    }

    private TemplateChangeFailed failed(Template template, MetaCallFailed failed) {
        if (failed.errorClass() == MetaErrorClass.AUTH) {
            accounts.tokenRevoked(template.waba().value());
        }
        return new TemplateChangeFailed(failed);
    }

    private static NewTemplate sameAs(Template template) {
        TemplateContent content = template.content();
        return new NewTemplate(
                template.name().value(),
                template.category() == null ? TemplateCategory.UTILITY : template.category(),
                template.language().code(),
                content.header(),
                content.headerExample(),
                content.body(),
                content.footer(),
                content.buttons(),
                content.examples(),
                content.mediaHeader(),
                null);
    }
}
