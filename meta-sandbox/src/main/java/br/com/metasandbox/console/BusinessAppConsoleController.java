package br.com.metasandbox.console;

import br.com.metasandbox.SandboxBusinessApp;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The merchant's WhatsApp Business app on a coexistence number, played from the console: history sharing
 * on or off, a message sent from the app (Meta's echo), and leaving Cloud API.
 */
@Controller
class BusinessAppConsoleController {

    private final SandboxBusinessApp businessApp;

    BusinessAppConsoleController(SandboxBusinessApp businessApp) {
        this.businessApp = businessApp;
    }

    @PostMapping("/sandbox/console/business-app/{phoneId}/history")
    String history(@PathVariable String phoneId, @RequestParam(defaultValue = "false") boolean shared) {
        businessApp.shareHistory(phoneId, shared);
        return done("app-history", phoneId);
    }

    @PostMapping("/sandbox/console/business-app/{phoneId}/echo")
    String echo(@PathVariable String phoneId, @RequestParam String customer, @RequestParam String body) {
        if (!body.isBlank() && customer.replaceAll("\\D", "").length() >= 10) {
            businessApp.sendFromApp(phoneId, customer, body);
        }
        return done("app-echo", phoneId);
    }

    @PostMapping("/sandbox/console/business-app/{phoneId}/offboard")
    String offboard(@PathVariable String phoneId, @RequestParam String event) {
        if (SandboxBusinessApp.OFFBOARD_EVENTS.contains(event)) {
            businessApp.offboard(phoneId, event);
        }
        return done("app-offboard", phoneId);
    }

    private static String done(String what, String phoneId) {
        return "redirect:/sandbox?done=" + what + "#business-app-" + phoneId;
    }
}
