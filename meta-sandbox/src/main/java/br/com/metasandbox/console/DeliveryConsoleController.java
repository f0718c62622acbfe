package br.com.metasandbox.console;

import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.graph.MessagingLimits;
import br.com.metasandbox.graph.SendingRates;
import br.com.metasandbox.state.Business;
import br.com.metasandbox.state.DeliveryScripts;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.QualitySwitches;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import br.com.metasandbox.webhooks.DeliveryOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's delivery page: what becomes of each message the product sends — the rules by the customer's
 * number, the customers scripted by hand, and each portfolio's messaging limit with what it used.
 */
@Controller
class DeliveryConsoleController {

    /** The form: a customer's number, an outcome and, for a late one, how late. */
    record ScriptForm(
            String number, String outcome, @Nullable Integer delaySeconds) {}

    private final SandboxMeta meta;
    private final DeliveryScripts scripts;
    private final SandboxAccounts accounts;
    private final MessagingLimits limits;
    private final QualitySwitches quality;
    private final Clock clock;

    /** A number with its rate and whether Meta paused it for its quality. */
    record NumberRate(PhoneNumber phone, int messagesPerSecond, boolean paused) {}

    /** A WABA and whether Meta holds its marketing templates. */
    record WabaHold(WhatsAppBusinessAccount waba, boolean held) {}

    DeliveryConsoleController(
            SandboxMeta meta,
            DeliveryScripts scripts,
            SandboxAccounts accounts,
            MessagingLimits limits,
            QualitySwitches quality,
            Clock clock) {
        this.meta = meta;
        this.quality = quality;
        this.scripts = scripts;
        this.accounts = accounts;
        this.limits = limits;
        this.clock = clock;
    }

    @GetMapping("/sandbox/console/delivery")
    String delivery(@RequestParam(required = false) @Nullable String done, Model model) {
        Instant now = clock.instant();
        List<MessagingLimits.Usage> usage = accounts.businesses().stream()
                .map((Business business) -> limits.usage(business, now))
                .toList();
        model.addAttribute("done", done);
        model.addAttribute("outcomes", List.of(DeliveryOutcome.values()));
        model.addAttribute("rules", DeliveryOutcome.suffixRules());
        model.addAttribute("scripts", scripts.all());
        model.addAttribute("defaultDelay", DeliveryOutcome.DEFAULT_DELAY_SECONDS);
        model.addAttribute("maxDelay", SandboxMeta.MAX_DELIVERY_DELAY_SECONDS);
        model.addAttribute("limitFailure", MessagingLimits.LIMIT_REACHED);
        // A code, not a quantity: MessageFormat would write 131.048 in pt-BR.
        model.addAttribute("limitCode", Integer.toString(MessagingLimits.LIMIT_REACHED.code()));
        model.addAttribute("usage", usage);
        rates(model);
        return "sandbox/console/delivery";
    }

    @PostMapping("/sandbox/console/delivery")
    String script(ScriptForm form) {
        String digits = form.number().replaceAll("\\D", "");
        if (digits.length() < 8) {
            return "redirect:/sandbox/console/delivery?done=invalid";
        }
        int delay = form.delaySeconds() == null
                ? DeliveryOutcome.DEFAULT_DELAY_SECONDS
                : Math.clamp(form.delaySeconds(), 0, SandboxMeta.MAX_DELIVERY_DELAY_SECONDS);
        // A Brazilian number typed without the country code, as on the accounts page.
        String customer = digits.length() <= 11 ? "55" + digits : digits;
        meta.scriptDelivery(customer, DeliveryOutcome.valueOf(form.outcome()).name(), delay);
        return "redirect:/sandbox/console/delivery?done=scripted#scripts";
    }

    private void rates(Model model) {
        List<WhatsAppBusinessAccount> wabas = accounts.businesses().stream()
                .flatMap(business -> accounts.wabasOf(business.id()).stream())
                .toList();
        var paused = quality.pausedNumbers();
        var held = quality.heldWabas();
        model.addAttribute(
                "numberRates",
                wabas.stream()
                        .flatMap(waba -> accounts.phonesOf(waba.id()).stream())
                        .map(phone -> new NumberRate(
                                phone, SendingRates.messagesPerSecond(phone), paused.contains(phone.id())))
                        .toList());
        model.addAttribute(
                "wabaHolds",
                wabas.stream()
                        .map(waba -> new WabaHold(waba, held.contains(waba.id())))
                        .toList());
        model.addAttribute(
                "rates", List.of(SendingRates.STANDARD_MPS, SendingRates.HIGH_MPS, SendingRates.BUSINESS_APP_MPS));
        model.addAttribute("pairBurst", SendingRates.PAIR_BURST);
        model.addAttribute("pairRefill", SendingRates.PAIR_REFILL.toSeconds());
    }

    @PostMapping("/sandbox/console/delivery/pause")
    String pause(@RequestParam String phoneId, @RequestParam boolean paused) {
        meta.pauseForQuality(phoneId, paused);
        return "redirect:/sandbox/console/delivery?done=" + (paused ? "paused" : "resumed") + "#rates";
    }

    @PostMapping("/sandbox/console/delivery/hold")
    String hold(@RequestParam String wabaId, @RequestParam boolean held) {
        meta.holdMarketing(wabaId, held);
        return "redirect:/sandbox/console/delivery?done=" + (held ? "held" : "released") + "#rates";
    }

    @PostMapping("/sandbox/console/delivery/remove")
    String remove(@RequestParam String number) {
        meta.removeDeliveryScript(number);
        return "redirect:/sandbox/console/delivery?done=removed#scripts";
    }
}
