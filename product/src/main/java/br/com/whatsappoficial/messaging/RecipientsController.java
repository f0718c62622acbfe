package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.api.CampaignApi;
import br.com.whatsappoficial.api.InvalidFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * {@code POST /api/v1/recipients/check}: before a campaign, what each recipient would cost, as if the
 * list were sent in its order now. Holds nothing.
 */
@CampaignApi
@Tag(name = "Recipients")
class RecipientsController {

    static final int MAX_RECIPIENTS = 10_000;

    private final SendingNumbers numbers;
    private final ServiceWindows windows;
    private final ProactiveBudget budget;
    private final OptOuts optOuts;
    private final Clock clock;

    RecipientsController(
            SendingNumbers numbers, ServiceWindows windows, ProactiveBudget budget, OptOuts optOuts, Clock clock) {
        this.numbers = numbers;
        this.windows = windows;
        this.budget = budget;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    record Check(
            @NotNull @Schema(description = "numbers or business-scoped user ids, ≤ 10,000")
            List<String> recipients) {}

    @Schema(description = "What sending to one recipient now would cost.")
    record Verdict(
            String input,

            @Schema(description = "the number in E.164 (or the user id); null when invalid") @Nullable
            String normalized,

            @Schema(
                    description = "`free`: inside the customer's window, or already counted in the last 24 h;"
                            + " `counts`: takes a new slot of the proactive budget; `limited`: would need a slot and"
                            + " none is left; `opted_out`: on the store's suppression list (a send answers"
                            + " `recipient_opted_out`); `invalid`: not a number or user id WhatsApp can reach",
                    allowableValues = {"free", "counts", "limited", "opted_out", "invalid"})
            String verdict,

            @Schema(description = "when the customer's open window closes") @Nullable
            Instant windowClosesAt) {}

    @PostMapping(
            path = "/recipients/check",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Check recipients before sending",
            description = "A dry run, in the list's order: the same customer twice costs one slot; once the"
                    + " budget would be used up, the next new customers are `limited`.")
    @ApiResponse(responseCode = "200", description = "One verdict per recipient, in order")
    @ApiResponse(responseCode = "400", description = "`validation`: no list, or more than 10,000")
    @ApiResponse(responseCode = "409", description = "`number_not_ready`")
    Map<String, List<Verdict>> check(@RequestBody Check check) {
        if (check.recipients() == null || check.recipients().size() > MAX_RECIPIENTS) {
            throw new InvalidFields(
                    List.of(new InvalidFields.Refusal("recipients", "api.recipients.size", List.of(MAX_RECIPIENTS))));
        }
        SendingNumber number = numbers.current();
        Instant now = clock.instant();
        List<Optional<Recipient>> parsed = check.recipients().stream()
                .map(input -> input == null ? Optional.<Recipient>empty() : parse(input))
                .toList();
        List<Customer> customers = parsed.stream()
                .flatMap(Optional::stream)
                .map(Recipient::customer)
                .toList();
        Map<Customer, Instant> open = windows.closingAfter(number.phoneNumberId(), customers, now);
        Map<Customer, OptOut> optedOut = optOuts.among(customers);
        Set<Customer> counted = new HashSet<>(budget.counted(number.portfolio(), customers, now));
        ProactiveBudget.Usage usage = budget.usage(number.portfolio(), now);
        long remaining =
                number.limit().unlimited() ? Long.MAX_VALUE : number.limit().customers() - usage.used();
        List<Verdict> verdicts = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            String input = check.recipients().get(i);
            Optional<Recipient> recipient = parsed.get(i);
            if (recipient.isEmpty()) {
                verdicts.add(new Verdict(input, null, "invalid", null));
                continue;
            }
            Customer customer = recipient.get().customer();
            String normalized = recipient.get().to() != null
                    ? recipient.get().to()
                    : recipient.get().userId();
            Instant closes = open.get(customer);
            OptOut entry = optedOut.get(customer);
            if (entry != null && (closes == null || !entry.allowsReplyInWindowClosingAt(closes))) {
                verdicts.add(new Verdict(input, normalized, "opted_out", null));
            } else if (closes != null) {
                verdicts.add(new Verdict(input, normalized, "free", closes));
            } else if (counted.contains(customer)) {
                verdicts.add(new Verdict(input, normalized, "free", null));
            } else if (remaining > 0) {
                remaining--;
                counted.add(customer);
                verdicts.add(new Verdict(input, normalized, "counts", null));
            } else {
                verdicts.add(new Verdict(input, normalized, "limited", null));
            }
        }
        return Map.of("data", verdicts);
    }

    private Optional<Recipient> parse(String input) {
        Optional<Recipient> byNumber = Recipient.ofNumber(input);
        if (byNumber.isPresent()) {
            return byNumber;
        }
        return Recipient.ofUserId(input)
                .map(byUserId -> windows.linkedCustomer(byUserId.userId())
                        .map(byUserId::linkedTo)
                        .orElse(byUserId));
    }
}
