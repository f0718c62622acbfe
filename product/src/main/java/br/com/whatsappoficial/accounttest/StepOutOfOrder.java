package br.com.whatsappoficial.accounttest;

/** A step was moved before the steps it depends on, or after its run had ended: a bug of the caller. */
class StepOutOfOrder extends IllegalStateException {

    StepOutOfOrder(TestStep step, String why) {
        super(step + ": " + why);
    }
}
