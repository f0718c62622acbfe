package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.account.AccountOverview;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.ConnectedNumber;
import br.com.whatsappoficial.account.IntegrationStatus;
import br.com.whatsappoficial.api.CampaignApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /api/v1/limits}: what the store's connected number may send now. */
@CampaignApi
@Tag(name = "Limits")
class LimitsController {

    private final ConnectedAccounts accounts;
    private final MessagingSettings settings;

    LimitsController(ConnectedAccounts accounts, MessagingSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Schema(description = "The number campaigns are sent from.")
    record SendingNumber(
            @Schema(example = "+55 11 91234-5678") String display,

            @Schema(
                    description = "`ativa` (approved by Meta) or `em_analise` (Meta is still reviewing it:"
                            + " receiving works, proactive sending is capped)",
                    allowableValues = {"ativa", "em_analise"})
            String status) {}

    @Schema(
            description = "Unique customers the store may reach proactively (outside their 24 h service window)"
                    + " per rolling 24 h, across the numbers of its Meta business portfolio. `used`, `remaining`"
                    + " and `nextReleaseAt` come with sending: until this API sends, none is counted, and a made-up"
                    + " zero would be read as room to send.")
    record ProactiveLimits(
            @Schema(description = "null when unlimited", example = "50", nullable = true) @Nullable
            Integer limit,

            @Schema(
                    description = "true when Meta allows any number of customers (limit is then null)",
                    example = "false")
            boolean unlimited,

            @Schema(example = "PT24H") String window,

            @Schema(
                    description = "`floor`: our cap while the number is Em análise (or before Meta reported a"
                            + " limit); `meta`: Meta's reported messaging limit",
                    allowableValues = {"floor", "meta"})
            String source) {}

    record Limits(SendingNumber number, ProactiveLimits proactive) {}

    @GetMapping(path = "/limits", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The connected number and its proactive limit",
            description = "While the number is Em análise the limit is min(50, Meta's limit); once Ativa, Meta's"
                    + " limit (250, 2,000, 10,000, 100,000 or unlimited).")
    @ApiResponse(responseCode = "200", description = "The store's limits")
    @ApiResponse(
            responseCode = "409",
            description = "`number_not_ready`: no connected number, its access must be renewed, or Meta refused it",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    Limits limits() {
        ConnectedNumber number = sendingNumber();
        IntegrationStatus status = number.verdict().status();
        ProactiveLimit limit = ProactiveLimit.of(status, number.metaLimit().orElse(null), settings.proactiveFloor());
        return new Limits(
                new SendingNumber(number.number().display(), status.name().toLowerCase(Locale.ROOT)),
                new ProactiveLimits(
                        limit.customers(),
                        limit.unlimited(),
                        "PT24H",
                        limit.source().name().toLowerCase(Locale.ROOT)));
    }

    /** The active number of a WABA whose access still works; Reprovada numbers cannot send. */
    private ConnectedNumber sendingNumber() {
        return accounts.overviews().stream()
                .filter(overview -> !overview.waba().needsReconnection())
                .map(AccountOverview::numbers)
                .flatMap(numbers -> numbers.stream()
                        .sorted(Comparator.comparing(ConnectedNumber::active).reversed()))
                .filter(number -> number.verdict().status() != IntegrationStatus.REPROVADA)
                .findFirst()
                .orElseThrow(NumberNotReady::new);
    }
}
