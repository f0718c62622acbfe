package br.com.whatsappoficial.template;

import br.com.whatsappoficial.account.AccountOverview;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphTemplates;
import br.com.whatsappoficial.meta.MessageTemplateCreated;
import br.com.whatsappoficial.meta.MessageTemplateId;
import br.com.whatsappoficial.meta.MessageTemplateRequest;
import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.MetaErrorClass;
import br.com.whatsappoficial.meta.WabaId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The current store's message templates: what the merchant's pages and the campaign API use. Creation
 * refuses what Meta would refuse before calling Meta, and keeps within Meta's creations per hour.
 */
@Service
public class Templates {

    private final TemplateRows rows;
    private final TemplateCreations creations;
    private final TemplateSyncs syncs;
    private final TemplateSync sync;
    private final ConnectedAccounts accounts;
    private final GraphTemplates graph;
    private final TemplateSettings settings;
    private final HeaderSamples samples;
    private final Clock clock;

    Templates(
            TemplateRows rows,
            TemplateCreations creations,
            TemplateSyncs syncs,
            TemplateSync sync,
            ConnectedAccounts accounts,
            GraphTemplates graph,
            TemplateSettings settings,
            HeaderSamples samples,
            Clock clock) {
        this.rows = rows;
        this.creations = creations;
        this.syncs = syncs;
        this.sync = sync;
        this.accounts = accounts;
        this.graph = graph;
        this.settings = settings;
        this.samples = samples;
        this.clock = clock;
    }

    /** Every template of the store's WABAs, by name; deleted ones last. */
    public List<TemplateDetails> list() {
        return rows.all().stream().map(Template::details).toList();
    }

    /** The template of this name and language; a deleted one only when no live one has them. */
    public Optional<TemplateDetails> find(String name, String language) {
        TemplateLanguage code;
        try {
            code = new TemplateLanguage(language);
        } catch (TemplateRefused notALanguage) {
            return Optional.empty();
        }
        return rows.find(name, code).map(Template::details);
    }

    /** The template of this name and language in one of the store's WABAs: what a send from its number uses. */
    public Optional<TemplateDetails> find(WabaId waba, String name, String language) {
        TemplateLanguage code;
        try {
            code = new TemplateLanguage(language);
        } catch (TemplateRefused notALanguage) {
            return Optional.empty();
        }
        return rows.find(waba, name, code).map(Template::details);
    }

    /** What the template would look like and what Meta would refuse in it, without sending anything. */
    public TemplateCheck check(NewTemplate template) {
        return TemplateCheck.of(template);
    }

    /**
     * Sends the template to Meta's review and records it as Meta answered (PENDING, in the category Meta
     * gave it).
     *
     * @throws TemplateRefused when it breaks Meta's rules or the store already has the name in that language
     * @throws TemplateCreationsExhausted when the WABA used its creations of the hour, ours or Meta's count
     * @throws NoWabaForTemplates when no connected WABA can hold it
     * @throws TemplateNotCreated when Meta refused it or did not answer
     */
    public TemplateDetails create(NewTemplate typed) {
        NewTemplate template = typed;
        List<TemplateProblem> problems = new ArrayList<>(TemplateRules.check(template));
        if (problems.isEmpty()
                && rows.find(template.name(), new TemplateLanguage(template.language()))
                        .filter(existing -> !existing.status().terminal())
                        .isPresent()) {
            problems.add(TemplateProblem.of("name.taken", template.name(), template.language()));
        }
        if (!problems.isEmpty()) {
            throw new TemplateRefused(problems);
        }
        Holder holder = holder();
        syncs.track(holder.waba());
        // Counted before the call and kept whatever Meta answers: a refused or timed-out call may still
        // count at Meta, and a creation that went through without an answer comes back with the next sync.
        creations.reserve(holder.waba());
        TemplateLanguage language = new TemplateLanguage(template.language());
        MessageTemplateCreated created;
        TemplateContent content;
        try {
            template = samples.uploaded(holder.token(), template);
            content = TemplateContent.of(template);
            created = graph.create(
                    holder.token(),
                    holder.waba(),
                    new MessageTemplateRequest(
                            template.name(),
                            template.category().name(),
                            language.code(),
                            content.format().name().toLowerCase(java.util.Locale.ROOT),
                            content.toMeta()));
        } catch (MetaCallFailed failed) {
            if (failed.errorClass() == MetaErrorClass.THROTTLING) {
                // Meta counted differently (creations made in WhatsApp Manager count too): its word wins.
                throw new TemplateCreationsExhausted(
                        settings.creationsPerHour(), clock.instant().plus(TemplateCreations.WINDOW));
            }
            if (failed.errorClass() == MetaErrorClass.AUTH) {
                accounts.tokenRevoked(holder.waba().value());
            }
            throw new TemplateNotCreated(failed);
        }
        Instant at = TemplateSync.metaTimeOf(clock.instant());
        Template recorded = Template.known(
                new MessageTemplateId(created.id()),
                holder.waba(),
                new TemplateName(template.name()),
                language,
                template.category(),
                content,
                created.status() == null ? TemplateStatus.PENDING : new TemplateStatus(created.status()),
                at);
        TemplateCategory asked = template.category();
        TemplateCategory.fromMeta(created.category()).ifPresent(given -> recorded.recategorised(asked, given, at));
        rows.insert(recorded);
        return recorded.details();
    }

    /** Reads every WABA's templates from Meta now ("Sincronizar"); true when all of them answered. */
    public boolean synchronize() {
        boolean all = true;
        for (AccountOverview overview : accounts.overviews()) {
            all &= sync.syncNow(new WabaId(overview.waba().wabaId()));
        }
        return all;
    }

    /** When the store's templates were last read from Meta. */
    public Optional<Instant> lastSynchronized() {
        return syncs.lastSync();
    }

    /**
     * Where the reading of the store's templates from Meta stands. A connected WABA not tracked yet is
     * scheduled too: connecting it queues its first read, which the listener records a moment later.
     */
    TemplateSyncState syncState() {
        TemplateSyncState state = syncs.state();
        if (!state.scheduled() && state.lastSynced() == null && state.retryAt() == null && canCreate()) {
            return new TemplateSyncState(null, true, null);
        }
        return state;
    }

    /** Whether the store has a WABA a template can be created in. */
    public boolean canCreate() {
        return accounts.overviews().stream()
                .anyMatch(overview -> !overview.waba().needsReconnection());
    }

    private Holder holder() {
        for (AccountOverview overview : accounts.overviews()) {
            if (overview.waba().needsReconnection()) {
                continue;
            }
            Optional<BusinessToken> token =
                    accounts.businessToken(overview.waba().wabaId());
            if (token.isPresent()) {
                return new Holder(new WabaId(overview.waba().wabaId()), token.get());
            }
        }
        throw new NoWabaForTemplates();
    }

    /** The WABA a new template goes to: the first connected one whose token Meta still accepts. */
    private record Holder(WabaId waba, BusinessToken token) {}
}
