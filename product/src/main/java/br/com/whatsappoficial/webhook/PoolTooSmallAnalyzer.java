package br.com.whatsappoficial.webhook;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator of a node that refused to start which settings to change. */
class PoolTooSmallAnalyzer extends AbstractFailureAnalyzer<PoolTooSmall> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PoolTooSmall cause) {
        return new FailureAnalysis(
                cause.getMessage()
                        + ". Each inbox worker holds a connection while its after-commit listeners take a second"
                        + " one, and each inbox writer holds one: a smaller pool starves the listeners under load.",
                "Set spring.datasource.hikari.maximum-pool-size (SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE) to at least "
                        + cause.minimum()
                        + ", or lower webhook.workers.",
                cause);
    }
}
