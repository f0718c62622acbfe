package br.com.whatsappoficial.autoreply;

/**
 * Whether one customer message gets the automatic reply, and why.
 *
 * @param quickAnswer the message came within seconds of our last reply: what another robot does
 */
record Decision(Reason reason, boolean quickAnswer) {

    /** Why a message was answered or not; the history shows it in the merchant's words. */
    enum Reason {
        ANSWERED,
        ANSWERED_OUTSIDE_HOURS,
        ANSWERED_ON_HOLIDAY,
        ANSWERED_FIRST_MESSAGE,
        OFF,
        IN_BUSINESS_HOURS,
        NOT_FIRST_MESSAGE,
        COOL_DOWN,
        /** The merchant answered the customer from the WhatsApp Business app a short while ago. */
        HUMAN_ANSWERED,
        ECHO,
        AUTOMATED_SENDER,
        DAILY_CAP,
        NOT_A_CONVERSATION,
        WINDOW_CLOSED,
        OPTED_OUT,
        NUMBER_NOT_READY;

        boolean answers() {
            return name().startsWith("ANSWERED");
        }
    }

    boolean answers() {
        return reason.answers();
    }
}
