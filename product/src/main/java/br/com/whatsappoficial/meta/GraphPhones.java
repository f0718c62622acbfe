package br.com.whatsappoficial.meta;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** A business phone number: its fields, code verification, registration and PIN (META-CONTRACT §4). */
@Component
public class GraphPhones {

    private final GraphHttp graph;

    GraphPhones(GraphHttp graph) {
        this.graph = graph;
    }

    public BusinessPhoneNumber phoneNumber(BusinessToken token, String phoneNumberId) {
        return graph.call(
                GraphRequest.get("phone.get", "/" + phoneNumberId)
                        .query("fields", BusinessPhoneNumber.FIELDS)
                        .as(token),
                BusinessPhoneNumber.class);
    }

    /**
     * Asks Meta to send the number's ownership code by SMS or voice call, the call or message in
     * {@code language} (like {@code pt_BR}). Meta refuses too many requests with 136024.
     */
    public void requestCode(BusinessToken token, PhoneNumberId phoneNumberId, CodeMethod method, String language) {
        mutate(
                "phone.request_code",
                "/" + phoneNumberId + "/request_code",
                Map.of("code_method", method.name(), "language", language),
                token);
    }

    /** Confirms the number's ownership with the code Meta sent; a wrong or expired code is 136025. */
    public void verifyCode(BusinessToken token, PhoneNumberId phoneNumberId, String code) {
        mutate("phone.verify_code", "/" + phoneNumberId + "/verify_code", Map.of("code", code), token);
    }

    /**
     * Registers the number for Cloud API use with its two-step PIN. Meta allows 10 register or
     * deregister requests per number per 72 hours (133016), so callers must not loop on it.
     */
    public void register(
            BusinessToken token, String phoneNumberId, TwoStepPin pin, @Nullable String dataLocalizationRegion) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("pin", pin.digits());
        if (dataLocalizationRegion != null) {
            body.put("data_localization_region", dataLocalizationRegion);
        }
        mutate("phone.register", "/" + phoneNumberId + "/register", body, token);
    }

    public void deregister(BusinessToken token, String phoneNumberId) {
        graph.call(
                        GraphRequest.post("phone.deregister", "/" + phoneNumberId + "/deregister")
                                .as(token),
                        Success.class)
                .require("phone.deregister");
    }

    /** Sets the two-step verification PIN; Meta cannot turn two-step verification off through the API. */
    public void setTwoStepPin(BusinessToken token, String phoneNumberId, TwoStepPin pin) {
        mutate("phone.pin", "/" + phoneNumberId, Map.of("pin", pin.digits()), token);
    }

    /**
     * Asks Meta to send a coexistence number's contacts or chat history from the WhatsApp Business app; no
     * {@code register} is involved. Each kind may be asked once: the answer's request id is what Meta's
     * support asks for.
     */
    public String requestAppData(BusinessToken token, String phoneNumberId, AppDataSync sync) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("sync_type", sync.syncType());
        return graph.call(
                        GraphRequest.post("phone.smb_app_data", "/" + phoneNumberId + "/smb_app_data")
                                .json(body)
                                .as(token),
                        AppDataSyncRequested.class)
                .requestId();
    }

    private void mutate(String operation, String path, Map<String, String> body, BusinessToken token) {
        graph.call(GraphRequest.post(operation, path).json(body).as(token), Success.class)
                .require(operation);
    }
}
