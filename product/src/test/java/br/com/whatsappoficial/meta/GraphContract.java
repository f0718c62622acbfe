package br.com.whatsappoficial.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The Graph client's contract, run against recorded payloads from Meta's documentation and against the
 * running sandbox: the same assertions passing on both is what shows the sandbox is faithful.
 */
abstract class GraphContract {

    abstract MetaWorld world();

    abstract GraphClients graph();

    record GraphClients(
            GraphTokens tokens,
            GraphAccounts accounts,
            GraphPhones phones,
            GraphProfiles profiles,
            GraphMessages messages,
            @Nullable GraphTemplates templates) {

        /** A backend without message templates: the template rows skip themselves there. */
        GraphClients(
                GraphTokens tokens,
                GraphAccounts accounts,
                GraphPhones phones,
                GraphProfiles profiles,
                GraphMessages messages) {
            this(tokens, accounts, phones, profiles, messages, null);
        }
    }

    @Test
    void exchangesASignupCodeForABusinessTokenThatManagesTheWaba() {
        BusinessToken token = graph().tokens().exchangeCode(world().freshCode());
        TokenInfo info = graph().tokens().inspect(token);

        assertThat(info.isValid()).isTrue();
        assertThat(info.grantsWhatsApp()).isTrue();
        assertThat(info.managedWabaIds()).contains(world().wabaId());
    }

    @Test
    void theTokensGrantedTargetsAreItsOwnWabasOnly() {
        TokenInfo info = graph().tokens().inspect(world().token());

        assertThat(info.granularScopes())
                .extracting(TokenInfo.GranularScope::scope)
                .contains(TokenInfo.MANAGEMENT, TokenInfo.MESSAGING);
        assertThat(info.managedWabaIds())
                .contains(world().wabaId())
                .doesNotContain(world().foreignWabaId())
                .allMatch(id -> id.matches("\\d+"));
    }

    @Test
    void refusesACodeThatWasAlreadyUsed() {
        MetaCallFailed failed = failure(() -> graph().tokens().exchangeCode(world().usedCode()));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.PARAMETER);
        assertThat(failed.code()).isEqualTo(100);
        assertThat(failed.fbtraceId()).isNotBlank();
    }

    @Test
    void readsTheWhatsAppBusinessAccount() {
        WhatsAppBusinessAccount waba = graph().accounts().account(world().token(), world().wabaId());

        assertThat(waba.id()).isEqualTo(world().wabaId());
        assertThat(waba.name()).isNotBlank();
        assertThat(waba.accountReviewStatus()).isIn("PENDING", "APPROVED", "REJECTED", "DEFERRED");
        assertThat(waba.ownershipType()).isEqualTo("CLIENT_OWNED");
        assertThat(waba.currency()).isEqualTo("BRL");
        assertThat(waba.ownerBusinessId()).isEqualTo(world().businessId());
    }

    @Test
    void listsTheNumbersOfTheWaba() {
        PhoneNumbersPage page = graph().accounts().phoneNumbers(world().token(), world().wabaId());

        assertThat(page.data()).anySatisfy(number -> {
            assertThat(number.id()).isEqualTo(world().pendingPhoneId());
            assertThat(number.displayPhoneNumber()).startsWith("+55 ");
        });
    }

    @Test
    void listsEveryNumberOfTheWabaFollowingPagingNext() {
        PhoneNumbersPage numbers = graph().accounts().phoneNumbers(world().token(), world().wabaId());

        assertThat(numbers.data())
                .extracting(BusinessPhoneNumber::id)
                .containsExactlyInAnyOrder(
                        world().pendingPhoneId(), world().registeredPhoneId(), world().verifiedPhoneUnderReviewId());
    }

    @Test
    void readsANumberWaitingForReview() {
        BusinessPhoneNumber number = graph().phones().phoneNumber(world().token(), world().pendingPhoneId());

        assertThat(number.id()).isEqualTo(world().pendingPhoneId());
        assertThat(number.displayPhoneNumber()).matches("\\+55 \\d{2} \\d{4,5}-\\d{4}");
        assertThat(number.codeVerified()).isFalse();
        assertThat(number.nameStatus()).isEqualTo("PENDING_REVIEW");
        assertThat(number.throughput()).isNotNull();
        assertThat(number.throughput().level()).isEqualTo("STANDARD");
        assertThat(number.healthStatus()).isNotNull();
        // Meta's example says LIMITED (name pending); an unregistered number may be BLOCKED: never AVAILABLE.
        assertThat(number.healthStatus().canSendMessage()).isIn("LIMITED", "BLOCKED");
        assertThat(number.healthStatus().entities())
                .anySatisfy(entity -> assertThat(entity.entityType()).isEqualTo("PHONE_NUMBER"));
    }

    @Test
    void aRevokedTokenIsAnAuthFailure() {
        MetaCallFailed failed = failure(() -> graph().accounts().account(world().revokedToken(), world().wabaId()));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.AUTH);
        assertThat(failed.code()).isEqualTo(190);
        assertThat(failed.fbtraceId()).isNotBlank();
        assertThat(failed.errorClass().retryable()).isFalse();
    }

    @Test
    void anotherBusinessesWabaCannotBeRead() {
        MetaCallFailed failed = failure(() -> graph().accounts().account(world().token(), world().foreignWabaId()));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.PARAMETER);
        assertThat(failed.code()).isEqualTo(100);
        assertThat(failed.errorSubcode()).isEqualTo(33);
    }

    @Test
    void overridingTheCallbackNeedsTheAppSubscribedFirst() {
        String waba = world().unsubscribedWabaId();
        URI callback = URI.create("https://loja.example/webhooks/meta");

        MetaCallFailed tooEarly =
                failure(() -> graph().accounts().overrideCallback(world().token(), waba, callback, "verify-me"));
        assertThat(tooEarly.errorClass()).isEqualTo(MetaErrorClass.PARAMETER);
        assertThat(tooEarly.code()).isEqualTo(100);
        assertThat(tooEarly.error().message()).contains("Before override the current callback uri");

        graph().accounts().subscribeApp(world().token(), waba);
        graph().accounts().overrideCallback(world().token(), waba, callback, "verify-me");

        List<SubscribedApp> apps = graph().accounts().subscribedApps(world().token(), waba);
        assertThat(apps).singleElement().satisfies(app -> {
            assertThat(app.overrideCallbackUri()).isEqualTo(callback.toString());
            assertThat(app.whatsappBusinessApiData()).isNotNull();
        });
    }

    @Test
    void aWrongVerificationCodeIsARegistrationFailure() {
        MetaCallFailed failed = failure(() ->
                graph().phones().verifyCode(world().token(), new PhoneNumberId(world().pendingPhoneId()), "000000"));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.REGISTRATION);
        assertThat(failed.code()).isEqualTo(136025);
    }

    @Test
    void theCodeMetaSendsByVoiceInPortugueseVerifiesTheNumber() {
        PhoneNumberId phone = new PhoneNumberId(world().pendingPhoneId());

        graph().phones().requestCode(world().token(), phone, CodeMethod.VOICE, "pt_BR");
        graph().phones().verifyCode(world().token(), phone, world().codeSentTo(phone.value()));
    }

    @Test
    void requestsTheCodeBySms() {
        graph().phones()
                .requestCode(world().token(), new PhoneNumberId(world().pendingPhoneId()), CodeMethod.SMS, "pt_BR");
    }

    @Test
    void tooManyCodeRequestsIsARegistrationFailure() {
        world().failWithCode("phone.request_code", 136024);

        MetaCallFailed failed = failure(() -> graph().phones()
                .requestCode(world().token(), new PhoneNumberId(world().pendingPhoneId()), CodeMethod.SMS, "pt_BR"));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.REGISTRATION);
        assertThat(failed.code()).isEqualTo(136024);
        assertThat(failed.errorClass().retryable()).isFalse();
    }

    @Test
    void aBusinessAppNumberIsConnectedWithoutRegisterAndSharesItsContactsAndHistoryOnRequest() {
        String phone = world().businessAppPhoneId();
        BusinessPhoneNumber number = graph().phones().phoneNumber(world().token(), phone);

        assertThat(number.isOnBizApp()).isTrue();
        assertThat(number.platformType()).isEqualTo("CLOUD_API");
        assertThat(number.status()).isEqualTo("CONNECTED");
        assertThat(graph().phones().requestAppData(world().token(), phone, AppDataSync.CONTACTS))
                .isNotBlank();
        assertThat(graph().phones().requestAppData(world().token(), phone, AppDataSync.HISTORY))
                .isNotBlank();
    }

    @Test
    void anUnverifiedNumberCannotBeRegistered() {
        MetaCallFailed failed = failure(
                () -> graph().phones().register(world().token(), world().pendingPhoneId(), TwoStepPin.random(), "BR"));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.REGISTRATION);
        assertThat(failed.code()).isEqualTo(133006);
    }

    @Test
    void aVerifiedNumberIsRegisteredWhileItsDisplayNameIsStillUnderReview() {
        String phone = world().verifiedPhoneUnderReviewId();

        graph().phones().register(world().token(), phone, TwoStepPin.random(), "BR");

        BusinessPhoneNumber number = graph().phones().phoneNumber(world().token(), phone);
        assertThat(number.status()).isEqualTo("CONNECTED");
        assertThat(number.nameStatus()).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void sendsATextInsideTheCustomerServiceWindow() {
        MessageAccepted accepted = graph().messages()
                .send(
                        world().token(),
                        world().registeredPhoneId(),
                        new OutboundMessage.Text(
                                world().customerInWindow(), "Seu pedido saiu para entrega.", false, "pedido-42"));

        assertThat(accepted.messageId()).startsWith("wamid.");
        assertThat(accepted.waId()).isNotBlank().doesNotStartWith("+");
    }

    @Test
    void sendsALinkButtonInsideTheCustomerServiceWindow() {
        MessageAccepted accepted = graph().messages()
                .send(
                        world().token(),
                        world().registeredPhoneId(),
                        new OutboundMessage.CtaUrl(
                                world().customerInWindow(),
                                "Recebemos sua mensagem. Enquanto isso, veja a loja:",
                                "Ver a loja",
                                "https://loja.com.br/?utm_source=whatsapp&utm_medium=resposta-automatica",
                                null,
                                "resposta-1"));

        assertThat(accepted.messageId()).startsWith("wamid.");
        assertThat(accepted.waId()).isNotBlank().doesNotStartWith("+");
    }

    @Test
    void aMarketingTemplateMetaHoldsForAQualityAssessmentIsAcceptedAsHeld() {
        assumeTrue(world().servesMessageTemplates(), "this backend serves no message templates");
        String template = world().heldMarketingTemplate();

        MessageAccepted held = graph().messages()
                .send(
                        world().token(),
                        world().registeredPhoneId(),
                        new OutboundMessage.Template(
                                world().customerOutsideWindow(), template, "pt_BR", List.of(), "campanha-7"));

        assertThat(held.messageId()).startsWith("wamid.");
        assertThat(held.messages().getFirst().messageStatus()).isEqualTo("held_for_quality_assessment");
    }

    @Test
    void aTextOutsideTheWindowMustBeATemplate() {
        MetaCallFailed failed = failure(() -> graph().messages()
                .send(
                        world().token(),
                        world().registeredPhoneId(),
                        new OutboundMessage.Text(world().customerOutsideWindow(), "Oi!", false, null)));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.PARAMETER);
        assertThat(failed.code()).isEqualTo(131047);
        assertThat(failed.error().details()).contains("24 hours");
    }

    @Test
    void updatesAndReadsTheBusinessProfile() {
        graph().profiles()
                .updateProfile(
                        world().token(),
                        world().registeredPhoneId(),
                        BusinessProfile.update()
                                .withAbout("Moda e acessórios")
                                .withWebsites(List.of("https://loja.com.br/"))
                                .withVertical("APPAREL"));

        BusinessProfile profile = graph().profiles().profile(world().token(), world().registeredPhoneId());
        assertThat(profile.about()).isEqualTo("Moda e acessórios");
        assertThat(profile.vertical()).isEqualTo("APPAREL");
        assertThat(profile.websites()).containsExactly("https://loja.com.br/");
    }

    @Test
    void uploadsAPictureAndGetsAHandle() {
        byte[] jpeg = new byte[2048];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;

        String handle = graph().profiles().upload(world().token(), "logo.jpg", "image/jpeg", jpeg);

        assertThat(handle).isNotBlank();
    }

    @Test
    void anUploadCutOffMidwayResumesFromTheOffsetMetaReports() {
        world().cutNextUploadChunk();

        String handle = graph().profiles().upload(world().token(), "logo.jpg", "image/jpeg", jpeg());

        assertThat(handle).isNotBlank();
    }

    @Test
    void anUploadedPictureBecomesTheProfilePicture() {
        String handle = graph().profiles().upload(world().token(), "logo.jpg", "image/jpeg", jpeg());

        graph().profiles()
                .updateProfile(
                        world().token(),
                        world().registeredPhoneId(),
                        BusinessProfile.update().withPicture(handle));

        assertThat(graph().profiles()
                        .profile(world().token(), world().registeredPhoneId())
                        .profilePictureUrl())
                .startsWith("http");
    }

    private static byte[] jpeg() {
        byte[] jpeg = new byte[2048];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        return jpeg;
    }

    @Test
    void aCallThatHangsGivesUpAtTheReadTimeout() {
        world().hang("phone.get");

        MetaCallFailed failed = failure(() -> graph().phones().phoneNumber(world().token(), world().pendingPhoneId()));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.TIMEOUT);
        assertThat(failed.outcomeUnknown()).as("a read changes nothing").isFalse();
        assertThat(failed.errorClass().retryable()).isTrue();
    }

    @Test
    void aSendThatHangsHasAnUnknownOutcome() {
        world().hang("messages");

        MetaCallFailed failed = failure(() -> graph().messages()
                .send(
                        world().token(),
                        world().registeredPhoneId(),
                        new OutboundMessage.Text(world().customerInWindow(), "Oi!", false, null)));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.TIMEOUT);
        assertThat(failed.outcomeUnknown()).as("the message may have gone out").isTrue();
    }

    @Test
    void throughputLimitIsThrottling() {
        world().failWithCode("messages", 130429);

        MetaCallFailed failed = failure(() -> graph().messages()
                .send(
                        world().token(),
                        world().registeredPhoneId(),
                        new OutboundMessage.Text(world().customerInWindow(), "Oi!", false, null)));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.THROTTLING);
        assertThat(failed.code()).isEqualTo(130429);
        assertThat(failed.errorClass().retryable()).isTrue();
    }

    @Test
    void aSpamLimitOrAPolicyBlockOnSendingIsNeverRetried() {
        for (int code : new int[] {131048, 368}) {
            world().failWithCode("messages", code);

            MetaCallFailed failed = failure(() -> graph().messages()
                    .send(
                            world().token(),
                            world().registeredPhoneId(),
                            new OutboundMessage.Text(world().customerInWindow(), "Oi!", false, null)));

            assertThat(failed.code()).isEqualTo(code);
            assertThat(failed.errorClass()).isEqualTo(code == 131048 ? MetaErrorClass.SPAM : MetaErrorClass.INTEGRITY);
            assertThat(failed.errorClass().retryable()).isFalse();
        }
    }

    @Test
    void aServerErrorWithoutEnvelopeIsTransient() {
        world().failWithStatus("phone.get", 503);

        MetaCallFailed failed = failure(() -> graph().phones().phoneNumber(world().token(), world().pendingPhoneId()));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.TRANSIENT);
        assertThat(failed.httpStatus()).isEqualTo(503);
    }

    @Test
    void createsATemplateThatWaitsForReview() {
        MessageTemplateCreated created = templates().create(world().token(), waba(), orderShipped("pedido_enviado"));

        assertThat(created.id()).matches("\\d+");
        assertThat(created.status()).isEqualTo("PENDING");
        assertThat(created.category()).isIn("UTILITY", "MARKETING");
    }

    @Test
    void listsEveryTemplateOfTheWabaFollowingPagingNext() {
        templates().create(world().token(), waba(), orderShipped("pedido_enviado"));

        List<MessageTemplate> all = templates().list(world().token(), waba());

        assertThat(all).extracting(MessageTemplate::name).contains("pedido_enviado");
        assertThat(all).allSatisfy(template -> {
            assertThat(template.id()).matches("\\d+");
            assertThat(template.status()).isNotBlank();
            assertThat(template.language()).isIn("pt_BR", "pt-BR");
        });
        assertThat(all)
                .filteredOn(template -> template.name().equals("pedido_enviado"))
                .singleElement()
                .satisfies(template -> assertThat(template.components())
                        .extracting(MessageTemplateComponent::type)
                        .contains("BODY"));
    }

    @Test
    void editsATemplatesBody() {
        MessageTemplateCreated created = templates().create(world().token(), waba(), orderShipped("pedido_enviado"));

        templates()
                .edit(
                        world().token(),
                        new MessageTemplateId(created.id()),
                        null,
                        List.of(MessageTemplateComponent.text(
                                "BODY",
                                "Olá {{1}}, seu pedido foi enviado hoje.",
                                new MessageTemplateComponent.Example(null, List.of(List.of("Ana")), null, null))));
    }

    @Test
    void deletesATemplateByName() {
        templates().create(world().token(), waba(), orderShipped("pedido_enviado"));

        templates().delete(world().token(), waba(), "pedido_enviado");
    }

    @Test
    void tooManyCreationsIsThrottling() {
        GraphTemplates templates = templates();
        world().failWithCode("templates.create", 80007);

        MetaCallFailed failed =
                failure(() -> templates.create(world().token(), waba(), orderShipped("pedido_enviado")));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.THROTTLING);
        assertThat(failed.code()).isEqualTo(80007);
    }

    /** A header handle no upload ever returned. */
    static final String NEVER_ISSUED_HANDLE = "4::handle-nunca-emitido";

    @Test
    void createsATemplateWithAnUploadedImageHeaderAndALinkEndingInAVariable() {
        GraphTemplates templates = templates();
        byte[] jpeg = new byte[2048];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        String handle = graph().profiles().upload(world().token(), "cabecalho.jpg", "image/jpeg", jpeg);

        MessageTemplateCreated created =
                templates.create(world().token(), waba(), withImageAndLink("oferta_pedido", handle));

        assertThat(created.id()).matches("\\d+");
        assertThat(created.status()).isEqualTo("PENDING");
    }

    @Test
    void anImageHeaderWithoutAnUploadedExampleIsAParameterError() {
        GraphTemplates templates = templates();

        MetaCallFailed failed = failure(() ->
                templates.create(world().token(), waba(), withImageAndLink("oferta_pedido", NEVER_ISSUED_HANDLE)));

        assertThat(failed.errorClass()).isEqualTo(MetaErrorClass.PARAMETER);
        assertThat(failed.code()).isEqualTo(100);
    }

    static MessageTemplateRequest withImageAndLink(String name, String handle) {
        return new MessageTemplateRequest(
                name,
                "MARKETING",
                "pt_BR",
                "positional",
                List.of(
                        MessageTemplateComponent.mediaHeader("IMAGE", handle),
                        MessageTemplateComponent.text(
                                "BODY",
                                "Olá {{1}}, separamos uma oferta para o seu pedido.",
                                new MessageTemplateComponent.Example(null, List.of(List.of("Ana")), null, null)),
                        MessageTemplateComponent.buttons(List.of(new MessageTemplateComponent.Button(
                                "URL",
                                "Ver pedido",
                                "https://loja.com.br/pedido/{{1}}",
                                null,
                                List.of("https://loja.com.br/pedido/1001"))))));
    }

    private GraphTemplates templates() {
        assumeTrue(
                world().servesMessageTemplates() && graph().templates() != null,
                "this backend does not serve message templates yet");
        return graph().templates();
    }

    private WabaId waba() {
        return new WabaId(world().wabaId());
    }

    static MessageTemplateRequest orderShipped(String name) {
        return new MessageTemplateRequest(
                name,
                "UTILITY",
                "pt_BR",
                "positional",
                List.of(
                        MessageTemplateComponent.text(
                                "BODY",
                                "Olá {{1}}, seu pedido saiu para entrega e chega até {{2}}.",
                                new MessageTemplateComponent.Example(
                                        null, List.of(List.of("Ana", "sexta-feira")), null, null)),
                        MessageTemplateComponent.text("FOOTER", "Loja Exemplo", null),
                        MessageTemplateComponent.buttons(List.of(
                                new MessageTemplateComponent.Button("QUICK_REPLY", "Falar com a loja", null, null)))));
    }

    static MetaCallFailed failure(Runnable call) {
        MetaCallFailed failed = catchThrowableOfType(MetaCallFailed.class, call::run);
        assertThat(failed).as("the call should have failed").isNotNull();
        return failed;
    }
}
