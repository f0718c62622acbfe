package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.account.IntegrationStatus;

/**
 * The number a store's campaigns go out from, and what limits it.
 *
 * @param messagesPerSecond what Meta allows the number to send (its throughput)
 * @param portfolio Meta's business portfolio of its WABA (whose proactive limit its numbers share), or
 *     the WABA itself when Meta did not name the portfolio
 */
record SendingNumber(
        String phoneNumberId,
        String wabaId,
        String portfolio,
        String display,
        IntegrationStatus status,
        ProactiveLimit limit,
        int messagesPerSecond) {}
