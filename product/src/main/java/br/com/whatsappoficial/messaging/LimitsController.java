package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.api.CampaignApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /api/v1/limits}: what the store's connected number may send now. */
@CampaignApi
@Tag(name = "Limits")
class LimitsController {

    private final SendingNumbers numbers;
    private final ProactiveBudget budget;
    private final Clock clock;

    LimitsController(SendingNumbers numbers, ProactiveBudget budget, Clock clock) {
        this.numbers = numbers;
        this.budget = budget;
        this.clock = clock;
    }

    @Schema(description = "The number campaigns are sent from.")
    record NumberResource(
            @Schema(example = "+55 11 91234-5678") String display,

            @Schema(
                    description = "`ativa` (approved by Meta) or `em_analise` (Meta is still reviewing it:"
                            + " receiving works, proactive sending is capped)",
                    allowableValues = {"ativa", "em_analise"})
            String status) {}

    @Schema(
            description = "Unique customers the store may reach proactively (outside their 24 h service window)"
                    + " per rolling 24 h, across the numbers of its Meta business portfolio. A customer counts"
                    + " until 24 h after the last proactive message to them; sending again to a counted customer"
                    + " costs nothing more.")
    record ProactiveLimits(
            @Schema(description = "null when unlimited", example = "50", nullable = true) @Nullable
            Integer limit,

            @Schema(
                    description = "true when Meta allows any number of customers (limit is then null)",
                    example = "false")
            boolean unlimited,

            @Schema(description = "customers counted now", example = "12")
            int used,

            @Schema(description = "customers that may still be reached; null when unlimited", example = "38") @Nullable
            Integer remaining,

            @Schema(example = "PT24H") String window,

            @Schema(description = "when the earliest counted customer stops counting; null when none is counted")
            @Nullable
            Instant nextReleaseAt,

            @Schema(
                    description = "`floor`: our cap while the number is Em análise (or before Meta reported a"
                            + " limit); `meta`: Meta's reported messaging limit",
                    allowableValues = {"floor", "meta"})
            String source) {}

    @Schema(
            description = "How fast the number may send, from Meta's report of it: 80 messages per second by"
                    + " default, 1,000 once Meta upgraded it, 20 for a number also on the WhatsApp Business app.")
    record ThroughputResource(@Schema(example = "80") int messagesPerSecond) {}

    record Limits(NumberResource number, ProactiveLimits proactive, ThroughputResource throughput) {}

    @GetMapping(path = "/limits", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The connected number and its proactive limit",
            description = "While the number is Em análise the limit is min(50, Meta's limit); once Ativa, Meta's"
                    + " limit (250, 2,000, 10,000, 100,000 or unlimited).")
    @ApiResponse(responseCode = "200", description = "The store's limits")
    @ApiResponse(
            responseCode = "409",
            description = "`number_not_ready`: no connected number, its access must be renewed, or Meta refused it")
    Limits limits() {
        SendingNumber number = numbers.current();
        ProactiveLimit limit = number.limit();
        ProactiveBudget.Usage usage = budget.usage(number.portfolio(), clock.instant());
        return new Limits(
                new NumberResource(number.display(), number.status().name().toLowerCase(Locale.ROOT)),
                new ProactiveLimits(
                        limit.customers(),
                        limit.unlimited(),
                        usage.used(),
                        limit.unlimited() ? null : Math.max(0, limit.customers() - usage.used()),
                        "PT24H",
                        usage.nextReleaseAt(),
                        limit.source().name().toLowerCase(Locale.ROOT)),
                new ThroughputResource(number.messagesPerSecond()));
    }
}
