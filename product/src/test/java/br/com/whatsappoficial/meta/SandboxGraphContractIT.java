package br.com.whatsappoficial.meta;

import br.com.metasandbox.SandboxBusiness;
import br.com.metasandbox.SandboxBusinessApp;
import br.com.metasandbox.SandboxFault;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxWaba;
import br.com.testsupport.PostgresIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The same Graph contract against the running sandbox, over real HTTP on the application's own port:
 * the assertions that pass on Meta's recorded payloads must pass here too.
 */
@PostgresIntegrationTest
// Pages of 2 numbers, fewer than the client asks: its list reads must follow paging.next. A review without
// delay: the edit row edits a template right after creating it, and Meta edits only reviewed templates.
@TestPropertySource(
        properties = {"meta.read-timeout=3s", "sandbox.graph.max-page-size=2", "sandbox.template-review-delay=0s"})
class SandboxGraphContractIT extends GraphContract {

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    SandboxBusinessApp businessApp;

    @Autowired
    GraphTokens tokens;

    @Autowired
    GraphAccounts accounts;

    @Autowired
    GraphPhones phones;

    @Autowired
    GraphProfiles profiles;

    @Autowired
    GraphMessages messages;

    @Autowired
    GraphTemplates templates;

    SandboxWorld world;

    @BeforeEach
    void aBusinessThroughEmbeddedSignup() {
        world = new SandboxWorld();
    }

    @AfterEach
    void releaseFaults() {
        sandbox.clearFaults();
    }

    @Override
    MetaWorld world() {
        return world;
    }

    @Override
    GraphClients graph() {
        return new GraphClients(tokens, accounts, phones, profiles, messages, templates);
    }

    /** A business with two WABAs, a number under review and a registered one, set up as Meta would. */
    final class SandboxWorld implements MetaWorld {

        final SandboxBusiness business = sandbox.createBusiness("Loja Exemplo Ltda");
        final SandboxWaba waba = sandbox.createWaba(business.id(), "Loja Exemplo");
        final SandboxWaba secondWaba = sandbox.createWaba(business.id(), "Loja Exemplo 2");
        final SandboxPhone pending = sandbox.addPhone(waba.id(), "+5511987654321", "Loja Exemplo");
        final SandboxPhone registered = sandbox.addPhone(waba.id(), "+5521998765432", "Loja Exemplo");
        final SandboxPhone underReview = sandbox.addPhone(waba.id(), "+5531998765432", "Loja Exemplo");
        final SandboxPhone onBusinessApp = businessApp.onboard(secondWaba.id(), "+5511987654300", "Loja Exemplo", true);
        final BusinessToken token = tokens.exchangeCode(sandbox.issueCode(business.id()));
        final SandboxWaba foreign;
        final BusinessToken revoked;

        SandboxWorld() {
            SandboxBusiness other = sandbox.createBusiness("Outra Empresa");
            foreign = sandbox.createWaba(other.id(), "Outra");
            revoked = tokens.exchangeCode(sandbox.issueCode(other.id()));
            sandbox.revokeTokens(other.id());

            sandbox.verifyPhone(underReview.id());
            sandbox.verifyPhone(registered.id());
            sandbox.approveDisplayName(registered.id());
            phones.register(token, registered.id(), TwoStepPin.random(), "BR");
            // The customer of the window test wrote in; Brazil's legacy wa_id lacks the 9th digit.
            sandbox.recordInbound(registered.id(), "553187654321");
        }

        @Override
        public Duration readTimeout() {
            return Duration.ofSeconds(3);
        }

        @Override
        public String freshCode() {
            return sandbox.issueCode(business.id());
        }

        @Override
        public String usedCode() {
            String code = sandbox.issueCode(business.id());
            tokens.exchangeCode(code);
            return code;
        }

        @Override
        public BusinessToken token() {
            return token;
        }

        @Override
        public BusinessToken revokedToken() {
            return revoked;
        }

        @Override
        public String wabaId() {
            return waba.id();
        }

        @Override
        public String unsubscribedWabaId() {
            return secondWaba.id();
        }

        @Override
        public String businessId() {
            return business.id();
        }

        @Override
        public String foreignWabaId() {
            return foreign.id();
        }

        @Override
        public String pendingPhoneId() {
            return pending.id();
        }

        @Override
        public String codeSentTo(String phoneId) {
            return sandbox.lastOtp(phoneId);
        }

        @Override
        public String verifiedPhoneUnderReviewId() {
            return underReview.id();
        }

        @Override
        public String registeredPhoneId() {
            return registered.id();
        }

        @Override
        public String businessAppPhoneId() {
            return onBusinessApp.id();
        }

        @Override
        public String customerInWindow() {
            return "+5531987654321";
        }

        @Override
        public String heldMarketingTemplate() {
            MessageTemplateCreated created = templates.create(
                    token,
                    new WabaId(waba.id()),
                    new MessageTemplateRequest(
                            "oferta_fim_de_ano",
                            "MARKETING",
                            "pt_BR",
                            "positional",
                            java.util.List.of(MessageTemplateComponent.text(
                                    "BODY", "Ofertas de fim de ano na Loja Exemplo: até 30% off.", null))));
            sandbox.decideTemplate(created.id(), "APPROVED", null);
            sandbox.holdMarketing(waba.id(), true);
            return "oferta_fim_de_ano";
        }

        @Override
        public String customerOutsideWindow() {
            return "+5531912345678";
        }

        /** The sandbox serves message templates and reviews them (contract §10). */
        @Override
        public boolean servesMessageTemplates() {
            return true;
        }

        @Override
        public void hang(String operation) {
            sandbox.setFault(operation, SandboxFault.hanging());
        }

        @Override
        public void failWithCode(String operation, int graphCode) {
            sandbox.setFault(operation, SandboxFault.graphError(graphCode));
        }

        @Override
        public void cutNextUploadChunk() {
            sandbox.setFault("uploads.chunk", SandboxFault.httpStatus(503));
        }

        @Override
        public void failWithStatus(String operation, int httpStatus) {
            sandbox.setFault(operation, SandboxFault.httpStatus(httpStatus));
        }
    }
}
