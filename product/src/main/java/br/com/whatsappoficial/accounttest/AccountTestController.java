package br.com.whatsappoficial.accounttest;

import br.com.whatsappoficial.meta.MetaSettings;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Configurações › WhatsApp Oficial › Testar a conta: the button, the run being watched (its panel polled by
 * htmx until it ends), the history of runs, and the connected view's card. Every member sees them; only
 * admins start a run (the pages' security rule for posts), since it spends a slot of the proactive budget.
 */
@Controller
@RequestMapping(AccountTestController.PATH)
class AccountTestController {

    static final String PATH = "/configuracoes/whatsapp-oficial/testar-conta";
    static final int PAGE_SIZE = 10;

    private final AccountTests tests;
    private final MetaSettings meta;

    AccountTestController(AccountTests tests, MetaSettings meta) {
        this.tests = tests;
        this.meta = meta;
    }

    /** The phone the merchant typed: their own, where the template will arrive. */
    record StartForm(@Nullable String telefone) {}

    @GetMapping
    String page(@RequestParam(name = "pagina", defaultValue = "1") int page, Model model) {
        page(model, tests.latest().orElse(null), Math.max(1, page), null, null);
        return "accounttest/page";
    }

    @PostMapping
    String start(StartForm form, Model model) {
        try {
            tests.start(form.telefone() == null ? "" : form.telefone());
            return "redirect:" + PATH;
        } catch (RunRefused refused) {
            page(model, tests.latest().orElse(null), 1, refused.reason().messageKey(), form.telefone());
            return "accounttest/page";
        }
    }

    /**
     * The run's panel alone, polled by htmx while the run goes on. Once it ended the whole page reloads, so
     * that the history shows the verdict too; a page of an ended run does not poll, so it reloads once.
     */
    @GetMapping("/execucoes/{id}")
    String run(@PathVariable String id, Model model, HttpServletResponse response) {
        TestRun run = find(id);
        if (run.verdict().finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("view", view(run));
        return "accounttest/page :: run";
    }

    @GetMapping(path = "/execucoes/{id}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(@PathVariable String id) {
        WaMeLink link = view(find(id)).link();
        if (link == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noStore())
                .body(QrCodes.svg(link.url()));
    }

    /** The connected view's card: the last verdict and when. */
    @GetMapping("/cartao")
    String card(Model model) {
        model.addAttribute("last", tests.latest().orElse(null));
        return "accounttest/card :: card";
    }

    private void page(Model model, @Nullable TestRun latest, int page, @Nullable String error, @Nullable String typed) {
        Optional<AccountTests.Subject> subject = tests.subject();
        model.addAttribute("subject", subject.orElse(null));
        model.addAttribute("view", latest == null ? null : view(latest));
        List<TestRun> history = tests.history(page - 1, PAGE_SIZE);
        model.addAttribute("history", history.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("page", page);
        model.addAttribute("hasNext", history.size() > PAGE_SIZE);
        model.addAttribute("error", error);
        model.addAttribute("typed", typed);
        model.addAttribute("sandbox", meta.sandbox());
    }

    private TestRun find(String id) {
        // Another store's run is as unknown here as one that never existed.
        return TestRunId.parse(id)
                .flatMap(tests::run)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private RunView view(TestRun run) {
        return new RunView(
                run,
                tests.storeNumber(run)
                        .map(number -> WaMeLink.to(number, run.code()))
                        .orElse(null));
    }
}
