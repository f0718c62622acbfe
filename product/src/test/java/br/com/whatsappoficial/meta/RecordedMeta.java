package br.com.whatsappoficial.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Meta as its documentation shows it: WireMock answers the client's calls with the recorded payloads
 * under {@code meta/recorded/}, and only when the request looks as Meta expects it (bearer token,
 * appsecret_proof, parameters).
 */
final class RecordedMeta implements MetaWorld {

    static final String APP_ID = "670843887433847";
    static final String APP_SECRET = "recorded-app-secret";
    // Generous: a loaded CI machine must not turn a recorded answer into a timeout.
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    static final String WABA = "524126980791429";
    static final String BUSINESS = "2729063490586005";
    static final String SECOND_WABA = "101569239400667";
    static final String FOREIGN_WABA = "999000111222333";
    static final String PENDING_PHONE = "106540352242922";
    static final String REGISTERED_PHONE = "106540352242923";
    static final String VERIFIED_PHONE_UNDER_REVIEW = "106540352242924";
    static final String BUSINESS_APP_PHONE = "106540352242925";
    /** The code the recorded world's Meta sends by SMS or voice. */
    static final String SENT_CODE = "123456";

    static final String TOKEN = "EAAAN6tcBzAUBOwtDtTfmZCJ9n3FHpSDcDTH86ekf89XnnB2PYbIcGzBd5yxbM4wHdqpFbmAUv";
    /** HMAC-SHA256(APP_SECRET, TOKEN) in hex, computed apart: {@code printf %s TOKEN | openssl dgst -sha256 -hmac SECRET}. */
    static final String TOKEN_PROOF = "66b3e1a630ba2bc0c92b083039d27f632909009bb5c6758474671d790652b8a4";

    static final String REVOKED_TOKEN = "EAAAN6tcBzAUBRevokedTokenOfTheRecordedWorld";
    static final String IN_WINDOW = "+5531987654321";
    static final String OUTSIDE_WINDOW = "+5531912345678";
    static final String HELD_TEMPLATE = "oferta_fim_de_ano";
    static final String V = "/v25.0";
    /** The handle of upload_handle.json. */
    static final String UPLOAD_HANDLE =
            "2:c2FtcGxlMjAyNi0xMS0yNS5qcGc=:image/jpeg:GKAj0gAUCZmJ1voFADip2iIAAAAAbugbAAAA:e:1764000000:670843887433847:100000000000000:ARbsoK7";
    /** The id Meta gives the created template, as in the recorded creation answer. */
    static final String TEMPLATE = "594425479261596";

    /** Faults win over the recorded answers. */
    private static final int FAULT = 1;

    private static final int RECORDED = 5;

    private final WireMockExtension wiremock;

    RecordedMeta(WireMockExtension wiremock) {
        this.wiremock = wiremock;
        record();
    }

    private void record() {
        String appToken = "Bearer " + APP_ID + "|" + APP_SECRET;
        stub(
                get(urlPathEqualTo(V + "/oauth/access_token"))
                        .withQueryParam("client_id", equalTo(APP_ID))
                        .withQueryParam("client_secret", equalTo(APP_SECRET))
                        .withQueryParam("code", equalTo("fresh-code")),
                ok("access_token"));
        stub(
                get(urlPathEqualTo(V + "/oauth/access_token")).withQueryParam("code", equalTo("used-code")),
                error(400, "error_code_used"));
        stub(
                get(urlPathEqualTo(V + "/debug_token"))
                        .withHeader("Authorization", equalTo(appToken))
                        .withQueryParam("input_token", equalTo(TOKEN))
                        .withQueryParam("appsecret_proof", absent()),
                ok("debug_token"));

        stub(asBusiness(get(urlPathEqualTo(V + "/" + WABA))).withQueryParam("fields", matchingFields()), ok("waba"));
        stub(
                get(urlPathEqualTo(V + "/" + WABA)).withHeader("Authorization", equalTo("Bearer " + REVOKED_TOKEN)),
                error(401, "error_token_invalid"));
        stub(asBusiness(get(urlPathEqualTo(V + "/" + FOREIGN_WABA))), error(400, "error_object_not_found"));
        // Two pages: the first names the next with paging.next and its after cursor, the last has no next.
        stub(
                asBusiness(get(urlPathEqualTo(V + "/" + WABA + "/phone_numbers")))
                        .withQueryParam("after", absent()),
                ok("phone_numbers"));
        stub(
                asBusiness(get(urlPathEqualTo(V + "/" + WABA + "/phone_numbers")))
                        .withQueryParam("after", equalTo("QVFIUjJB")),
                ok("phone_numbers_page2"));
        stub(asBusiness(get(urlPathEqualTo(V + "/" + PENDING_PHONE))), ok("phone"));

        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + PENDING_PHONE + "/request_code")))
                        .withRequestBody(matchingJsonPath("$.code_method", matching("SMS|VOICE")))
                        .withRequestBody(matchingJsonPath("$.language", equalTo("pt_BR"))),
                ok("success"));
        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + PENDING_PHONE + "/verify_code")))
                        .withRequestBody(equalToJson("{\"code\":\"000000\"}")),
                error(400, "error_verify_code"));
        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + PENDING_PHONE + "/verify_code")))
                        .withRequestBody(equalToJson("{\"code\":\"" + SENT_CODE + "\"}")),
                ok("code_verified"));
        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + PENDING_PHONE + "/register")))
                        .withRequestBody(matchingJsonPath("$.pin", matching("\\d{6}")))
                        .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp"))),
                error(400, "error_register_unverified"));

        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + VERIFIED_PHONE_UNDER_REVIEW + "/register")))
                        .withRequestBody(matchingJsonPath("$.pin", matching("\\d{6}")))
                        .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                        .withRequestBody(matchingJsonPath("$.data_localization_region", equalTo("BR"))),
                ok("success"));
        stub(
                asBusiness(get(urlPathEqualTo(V + "/" + VERIFIED_PHONE_UNDER_REVIEW))),
                ok("phone_registered_under_review"));

        stub(asBusiness(get(urlPathEqualTo(V + "/" + BUSINESS_APP_PHONE))), ok("phone_on_business_app"));
        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + BUSINESS_APP_PHONE + "/smb_app_data")))
                        .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                        .withRequestBody(matchingJsonPath("$.sync_type", matching("smb_app_state_sync|history"))),
                ok("smb_app_data"));

        recordSubscriptionOrder();

        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + REGISTERED_PHONE + "/messages")))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(IN_WINDOW)))
                        .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp"))),
                ok("message_accepted"));
        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + REGISTERED_PHONE + "/messages")))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(OUTSIDE_WINDOW))),
                error(400, "error_outside_window"));
        wiremock.stubFor(asBusiness(post(urlPathEqualTo(V + "/" + REGISTERED_PHONE + "/messages")))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo(HELD_TEMPLATE)))
                // ahead of the outside-window refusal: a template is what reaches a customer outside the window
                .atPriority(RECORDED - 1)
                .willReturn(ok("message_held")));

        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + REGISTERED_PHONE + "/whatsapp_business_profile")))
                        .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                        .withRequestBody(matchingJsonPath("$.about", equalTo("Moda e acessórios"))),
                ok("success"));
        stub(
                asBusiness(get(urlPathEqualTo(V + "/" + REGISTERED_PHONE + "/whatsapp_business_profile"))),
                ok("business_profile"));

        recordTemplates();

        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + APP_ID + "/uploads")))
                        .withQueryParam("file_length", equalTo("2048"))
                        .withQueryParam("file_type", equalTo("image/jpeg")),
                ok("upload_session"));
        stub(
                // The session id's ?sig= must arrive as a query, not as an encoded part of the path.
                post(urlPathEqualTo(V + "/upload:MTphdHRhY2htZW50OjliNjQ0MjM3LTE2NzAtNDZlNy1iMjQ1LTE0ZmM5YWQ5Y2U4OA=="))
                        .withQueryParam("sig", equalTo("ARZqDrmQ4tCFxG1gRzE"))
                        .withHeader("Authorization", equalTo("OAuth " + TOKEN))
                        .withHeader("file_offset", equalTo("0")),
                ok("upload_handle"));
        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + REGISTERED_PHONE + "/whatsapp_business_profile")))
                        .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                        .withRequestBody(matchingJsonPath("$.profile_picture_handle", equalTo(UPLOAD_HANDLE))),
                ok("success"));
    }

    /** Templates are answered only when the request carries what Meta requires of each call. */
    private void recordTemplates() {
        String templates = V + "/" + WABA + "/message_templates";
        stub(
                asBusiness(post(urlPathEqualTo(templates)))
                        .withRequestBody(matchingJsonPath("$.name", matching("[a-z0-9_]{1,512}")))
                        .withRequestBody(matchingJsonPath("$.category", matching("MARKETING|UTILITY|AUTHENTICATION")))
                        .withRequestBody(matchingJsonPath("$.language", equalTo("pt_BR")))
                        .withRequestBody(matchingJsonPath("$.parameter_format", matching("positional|named")))
                        .withRequestBody(matchingJsonPath("$.components[?(@.type == 'BODY')].text"))
                        .withRequestBody(matchingJsonPath("$.components[?(@.type == 'BODY')].example")),
                ok("template_created"));
        // An image header is created with the handle of an uploaded example; a URL button ending in {{1}}
        // with one full example URL. A handle Meta never issued is refused (the wording is the sandbox's).
        stub(
                asBusiness(post(urlPathEqualTo(templates)))
                        .withRequestBody(matchingJsonPath(
                                "$.components[?(@.type == 'HEADER' && @.format == 'IMAGE')].example.header_handle[0]"))
                        .withRequestBody(matchingJsonPath(
                                "$.components[?(@.type == 'BUTTONS')].buttons[?(@.url =~ /.*\\{\\{1}}$/)].example[0]")),
                ok("template_created"));
        stub(
                asBusiness(post(urlPathEqualTo(templates)))
                        .withRequestBody(
                                matchingJsonPath("$.components[?(@.type == 'HEADER')].example.header_handle[?(@ == '"
                                        + GraphContract.NEVER_ISSUED_HANDLE + "')]")),
                error(400, "error_invalid_parameter"));
        stub(
                asBusiness(get(urlPathEqualTo(templates)))
                        .withQueryParam("fields", containing("quality_score"))
                        .withQueryParam("after", absent()),
                ok("message_templates"));
        stub(
                asBusiness(get(urlPathEqualTo(templates))).withQueryParam("after", equalTo("MjQZD")),
                ok("message_templates_page2"));
        stub(
                asBusiness(post(urlPathEqualTo(V + "/" + TEMPLATE)))
                        .withRequestBody(matchingJsonPath("$.components[0].type", equalTo("BODY"))),
                ok("success"));
        stub(
                asBusiness(delete(urlPathEqualTo(templates))).withQueryParam("name", equalTo("pedido_enviado")),
                ok("success"));
    }

    /** Meta refuses an override until the app is subscribed to the WABA. */
    private void recordSubscriptionOrder() {
        String path = V + "/" + SECOND_WABA + "/subscribed_apps";
        String scenario = "subscription";
        stubState(
                asBusiness(post(urlPathEqualTo(path))).withRequestBody(matchingJsonPath("$.override_callback_uri")),
                scenario,
                Scenario.STARTED,
                null,
                error(400, "error_override_before_subscribe"));
        stubState(
                asBusiness(post(urlPathEqualTo(path))).withRequestBody(absent()),
                scenario,
                Scenario.STARTED,
                "subscribed",
                ok("success"));
        stubState(
                asBusiness(post(urlPathEqualTo(path))).withRequestBody(matchingJsonPath("$.override_callback_uri")),
                scenario,
                "subscribed",
                "overridden",
                ok("success"));
        stubState(asBusiness(get(urlPathEqualTo(path))), scenario, "overridden", null, ok("subscribed_apps"));
    }

    @Override
    public Duration readTimeout() {
        return READ_TIMEOUT;
    }

    @Override
    public String freshCode() {
        return "fresh-code";
    }

    @Override
    public String usedCode() {
        return "used-code";
    }

    @Override
    public BusinessToken token() {
        return new BusinessToken(TOKEN);
    }

    @Override
    public BusinessToken revokedToken() {
        return new BusinessToken(REVOKED_TOKEN);
    }

    @Override
    public String wabaId() {
        return WABA;
    }

    @Override
    public String businessId() {
        return BUSINESS;
    }

    @Override
    public String unsubscribedWabaId() {
        return SECOND_WABA;
    }

    @Override
    public String foreignWabaId() {
        return FOREIGN_WABA;
    }

    @Override
    public String pendingPhoneId() {
        return PENDING_PHONE;
    }

    @Override
    public String codeSentTo(String phoneId) {
        return SENT_CODE;
    }

    @Override
    public String verifiedPhoneUnderReviewId() {
        return VERIFIED_PHONE_UNDER_REVIEW;
    }

    @Override
    public String registeredPhoneId() {
        return REGISTERED_PHONE;
    }

    @Override
    public String businessAppPhoneId() {
        return BUSINESS_APP_PHONE;
    }

    @Override
    public String customerInWindow() {
        return IN_WINDOW;
    }

    @Override
    public String heldMarketingTemplate() {
        return HELD_TEMPLATE;
    }

    @Override
    public String customerOutsideWindow() {
        return OUTSIDE_WINDOW;
    }

    @Override
    public boolean servesMessageTemplates() {
        return true;
    }

    @Override
    public void hang(String operation) {
        fault(operation, aResponse().withStatus(200).withFixedDelay((int) READ_TIMEOUT.toMillis() + 2000));
    }

    @Override
    public void failWithCode(String operation, int graphCode) {
        fault(
                operation,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(payload("error_throughput").replace("130429", Integer.toString(graphCode))));
    }

    @Override
    public void failWithStatus(String operation, int httpStatus) {
        fault(operation, aResponse().withStatus(httpStatus).withBody("Service Unavailable"));
    }

    @Override
    public void cutNextUploadChunk() {
        String session = V + "/upload:MTphdHRhY2htZW50OjliNjQ0MjM3LTE2NzAtNDZlNy1iMjQ1LTE0ZmM5YWQ5Y2U4OA==";
        wiremock.stubFor(post(urlPathEqualTo(session))
                .withQueryParam("sig", equalTo("ARZqDrmQ4tCFxG1gRzE"))
                .withHeader("file_offset", equalTo("0"))
                .atPriority(FAULT)
                // Half the bytes are in: starting over from 0 would never finish, only resuming does.
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        wiremock.stubFor(asBusiness(get(urlPathEqualTo(session)))
                .withQueryParam("sig", equalTo("ARZqDrmQ4tCFxG1gRzE"))
                .atPriority(FAULT)
                .willReturn(ok("upload_status")));
        wiremock.stubFor(post(urlPathEqualTo(session))
                .withQueryParam("sig", equalTo("ARZqDrmQ4tCFxG1gRzE"))
                .withHeader("Authorization", equalTo("OAuth " + TOKEN))
                .withHeader("file_offset", equalTo("1024"))
                .atPriority(FAULT)
                .willReturn(ok("upload_handle")));
    }

    private void fault(String operation, ResponseDefinitionBuilder response) {
        MappingBuilder request = switch (operation) {
            case "phone.get" -> get(urlPathEqualTo(V + "/" + PENDING_PHONE));
            case "phone.request_code" -> post(urlPathEqualTo(V + "/" + PENDING_PHONE + "/request_code"));
            case "messages" -> post(urlPathEqualTo(V + "/" + REGISTERED_PHONE + "/messages"));
            case "templates.create" -> post(urlPathEqualTo(V + "/" + WABA + "/message_templates"));
            default -> throw new IllegalArgumentException("no recorded fault for " + operation);
        };
        wiremock.stubFor(request.atPriority(FAULT).willReturn(response));
    }

    /** A business-token call as Meta expects it: bearer token and its appsecret_proof. */
    private MappingBuilder asBusiness(MappingBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + TOKEN).or(equalTo("OAuth " + TOKEN)))
                .withQueryParam("appsecret_proof", equalTo(TOKEN_PROOF));
    }

    private static StringValuePattern matchingFields() {
        return containing("account_review_status");
    }

    private void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        wiremock.stubFor(request.atPriority(RECORDED).willReturn(response));
    }

    private void stubState(
            MappingBuilder request, String scenario, String state, String next, ResponseDefinitionBuilder response) {
        ScenarioMappingBuilder inState = request.inScenario(scenario).whenScenarioStateIs(state);
        if (next != null) {
            inState = inState.willSetStateTo(next);
        }
        stub(inState, response);
    }

    private static ResponseDefinitionBuilder ok(String name) {
        return json(200, name);
    }

    private static ResponseDefinitionBuilder error(int status, String name) {
        return json(status, name);
    }

    private static ResponseDefinitionBuilder json(int status, String name) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(payload(name));
    }

    static String payload(String name) {
        try (InputStream in = RecordedMeta.class.getResourceAsStream("/meta/recorded/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded payload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
