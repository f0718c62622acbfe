package br.com.metasandbox.graph;

import java.util.Set;

/** The stable keys of the sandbox's Graph operations, as used by fault switches. */
public final class GraphOperation {

    static final String OAUTH_ACCESS_TOKEN = "oauth.access_token";
    static final String DEBUG_TOKEN = "debug_token";
    static final String WABA_GET = "waba.get";
    static final String WABA_PHONE_NUMBERS = "waba.phone_numbers";
    static final String WABA_SUBSCRIBED_APPS = "waba.subscribed_apps";
    static final String PHONE_GET = "phone.get";
    static final String PHONE_REQUEST_CODE = "phone.request_code";
    static final String PHONE_VERIFY_CODE = "phone.verify_code";
    static final String PHONE_REGISTER = "phone.register";
    static final String PHONE_DEREGISTER = "phone.deregister";
    static final String PHONE_SMB_APP_DATA = "phone.smb_app_data";
    static final String PHONE_PIN = "phone.pin";
    static final String PHONE_BUSINESS_PROFILE = "phone.business_profile";
    static final String UPLOADS = "uploads";
    /** One upload chunk cut off halfway, whatever the switch: see {@link Faults#cutOnce}. */
    static final String UPLOAD_CHUNK = "uploads.chunk";

    static final String MESSAGES = "messages";
    static final String TEMPLATES_CREATE = "templates.create";
    static final String TEMPLATES_LIST = "templates.list";
    static final String TEMPLATES_EDIT = "templates.edit";
    static final String TEMPLATES_DELETE = "templates.delete";

    public static final Set<String> ALL = Set.of(
            OAUTH_ACCESS_TOKEN,
            DEBUG_TOKEN,
            WABA_GET,
            WABA_PHONE_NUMBERS,
            WABA_SUBSCRIBED_APPS,
            PHONE_GET,
            PHONE_REQUEST_CODE,
            PHONE_VERIFY_CODE,
            PHONE_REGISTER,
            PHONE_DEREGISTER,
            PHONE_SMB_APP_DATA,
            PHONE_PIN,
            PHONE_BUSINESS_PROFILE,
            UPLOADS,
            UPLOAD_CHUNK,
            MESSAGES,
            TEMPLATES_CREATE,
            TEMPLATES_LIST,
            TEMPLATES_EDIT,
            TEMPLATES_DELETE);

    private GraphOperation() {}

    static void requireKnown(String operation) {
        if (!ALL.contains(operation)) {
            throw new IllegalArgumentException("Unknown sandbox operation " + operation + "; one of " + ALL);
        }
    }
}
