package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.api.ApiProblem;
import br.com.whatsappoficial.api.ProblemCode;

/** The store has no number that may send: none connected, its access must be renewed, or Meta refused it. */
class NumberNotReady extends ApiProblem {

    NumberNotReady() {
        super(ProblemCode.NUMBER_NOT_READY);
    }
}
