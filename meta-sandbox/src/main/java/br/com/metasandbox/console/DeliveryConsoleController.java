package br.com.metasandbox.console;

import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.graph.MessagingLimits;
import br.com.metasandbox.state.Business;
import br.com.metasandbox.state.DeliveryScripts;
import br.com.metasandbox.state.SandboxAccounts;
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
    private final Clock clock;

    DeliveryConsoleController(
            SandboxMeta meta, DeliveryScripts scripts, SandboxAccounts accounts, MessagingLimits limits, Clock clock) {
        this.meta = meta;
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

    @PostMapping("/sandbox/console/delivery/remove")
    String remove(@RequestParam String number) {
        meta.removeDeliveryScript(number);
        return "redirect:/sandbox/console/delivery?done=removed#scripts";
    }
}
