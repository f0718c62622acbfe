package br.com.whatsappoficial.meta;

import java.time.Duration;

/**
 * The state of Meta that the Graph contract tests need, set up either from recorded payloads or in the
 * running sandbox. Both must make the same assertions pass.
 */
interface MetaWorld {

    /** The client's read timeout in this world; hangs last longer. */
    Duration readTimeout();

    /** A code that Embedded Signup just returned, for the business that owns {@link #wabaId()}. */
    String freshCode();

    /** A code that was exchanged already. */
    String usedCode();

    /** The business token of the business that owns every id below but {@link #foreignWabaId()}. */
    BusinessToken token();

    BusinessToken revokedToken();

    String wabaId();

    /** The business portfolio that owns {@link #wabaId()}. */
    String businessId();

    /** A WABA of the same business whose app subscription has not been made yet. */
    String unsubscribedWabaId();

    /** A WABA of another business. */
    String foreignWabaId();

    /** A number of {@link #wabaId()} that is neither verified nor approved. */
    String pendingPhoneId();

    /** The code Meta sent to a number's phone for its last {@code request_code}. */
    String codeSentTo(String phoneId);

    /** A number of {@link #wabaId()} that is verified, its display name still under review, not yet registered. */
    String verifiedPhoneUnderReviewId();

    /** A number that is verified, approved and registered: it can send. */
    String registeredPhoneId();

    /**
     * A number of the business onboarded from the WhatsApp Business app (coexistence): connected
     * without a register call, its contacts and history not asked for yet.
     */
    String businessAppPhoneId();

    /** A Brazilian mobile in E.164 that wrote to {@link #registeredPhoneId()} in the last 24 h. */
    String customerInWindow();

    /** A Brazilian mobile that never wrote. */
    String customerOutsideWindow();

    /**
     * An approved marketing template of {@link #wabaId()} in pt_BR without variables, whose sends Meta holds
     * for a quality assessment (template pacing).
     */
    String heldMarketingTemplate();

    /** Makes the next calls of an operation (phone.get, phone.request_code or messages) hang past the read timeout. */
    void hang(String operation);

    /** Makes the next calls of an operation fail with a Graph error code. */
    void failWithCode(String operation, int graphCode);

    /** Makes the next calls of an operation fail with a bare HTTP status and no Graph envelope. */
    void failWithStatus(String operation, int httpStatus);

    /**
     * Makes the next upload of a 2048-byte file lose its connection after its first 1024 bytes arrived, with
     * a 503; Meta then reports that offset.
     */
    void cutNextUploadChunk();

    /**
     * Whether this world answers {@code /message_templates} and {@code POST /{template-id}}. An assumption,
     * not a feature switch: a world that says false has its template rows skipped (reported as skipped,
     * never as passed). Both the recorded payloads and the sandbox serve them.
     */
    default boolean servesMessageTemplates() {
        return false;
    }
}
