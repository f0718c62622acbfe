package br.com.whatsappoficial.onboarding;

/** A step tried a move the registration state machine does not allow: a bug, never Meta's doing. */
class IllegalRegistrationMove extends IllegalStateException {

    IllegalRegistrationMove(String phoneNumberId, RegistrationState from, RegistrationState to) {
        super("Registration of " + phoneNumberId + " cannot move from " + from + " to " + to);
    }
}
