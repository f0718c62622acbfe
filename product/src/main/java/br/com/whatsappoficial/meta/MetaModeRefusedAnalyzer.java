package br.com.whatsappoficial.meta;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator of a node that refused to start what to set, in Portuguese and in English. */
class MetaModeRefusedAnalyzer extends AbstractFailureAnalyzer<MetaModeRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MetaModeRefused cause) {
        String description = cause.reasons().stream()
                .map(reason -> "- " + reason.portuguese() + "\n  " + reason.english())
                .collect(Collectors.joining("\n", "O nó não inicia / The node refuses to start:\n", ""));
        String action = cause.reasons().stream()
                .map(MetaModeRefused.Reason::setting)
                .distinct()
                .collect(Collectors.joining(
                        ", ",
                        "Defina / Set: ",
                        ". META_MODE=sandbox só para testes e demonstrações; META_MODE=live fala com a Meta real"
                                + " / META_MODE=sandbox is for tests and demos only; META_MODE=live talks to the"
                                + " real Meta."));
        return new FailureAnalysis(description, action, cause);
    }
}
