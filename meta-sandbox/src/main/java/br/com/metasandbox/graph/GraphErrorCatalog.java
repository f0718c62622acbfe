package br.com.metasandbox.graph;

import java.util.Map;

/**
 * Titles and HTTP statuses of the Graph/WhatsApp error codes the sandbox emits, from Meta's error-codes
 * page (support/error-codes) as summarised in the contract's §8. The message Meta sends is
 * "(#code) title". Codes not listed answer HTTP 400 with a generic title (unverified).
 */
final class GraphErrorCatalog {

    record Entry(int httpStatus, String title, boolean transientError) {}

    private static final Map<Integer, Entry> ENTRIES = Map.ofEntries(
            Map.entry(0, new Entry(401, "AuthException", false)),
            Map.entry(1, new Entry(400, "An unknown error occurred", true)),
            Map.entry(2, new Entry(503, "Service temporarily unavailable", true)),
            Map.entry(3, new Entry(500, "Capability or permissions issue", false)),
            Map.entry(4, new Entry(400, "Application request limit reached", true)),
            Map.entry(10, new Entry(403, "Application does not have permission for this action", false)),
            Map.entry(17, new Entry(400, "User request limit reached", true)),
            Map.entry(100, new Entry(400, "Invalid parameter", false)),
            Map.entry(190, new Entry(401, "Invalid OAuth access token", false)),
            Map.entry(200, new Entry(403, "Permissions error", false)),
            Map.entry(368, new Entry(403, "Temporarily blocked for policies violations", false)),
            Map.entry(80007, new Entry(400, "Rate limit hit for WhatsApp Business Account", true)),
            Map.entry(130429, new Entry(400, "Rate limit hit", true)),
            Map.entry(130472, new Entry(400, "User's number is part of an experiment", false)),
            Map.entry(131000, new Entry(500, "Something went wrong", true)),
            Map.entry(131008, new Entry(400, "Required parameter is missing", false)),
            Map.entry(131009, new Entry(400, "Parameter value is not valid", false)),
            Map.entry(131016, new Entry(500, "Service unavailable", true)),
            Map.entry(131021, new Entry(400, "Recipient cannot be sender", false)),
            Map.entry(131026, new Entry(400, "Message Undeliverable", false)),
            Map.entry(131031, new Entry(403, "Account has been locked", false)),
            Map.entry(131047, new Entry(400, "Re-engagement message", false)),
            Map.entry(131048, new Entry(400, "Spam rate limit hit", false)),
            Map.entry(131049, new Entry(400, "Meta chose not to deliver", false)),
            Map.entry(131050, new Entry(400, "User stopped marketing messages", false)),
            Map.entry(131051, new Entry(400, "Unsupported message type", false)),
            Map.entry(131056, new Entry(400, "(Business Account, Consumer Account) pair rate limit hit", true)),
            Map.entry(131057, new Entry(500, "Account in maintenance mode", true)),
            Map.entry(
                    132000, new Entry(400, "Number of parameters does not match the expected number of params", false)),
            Map.entry(132001, new Entry(404, "Template name does not exist in the translation", false)),
            Map.entry(132012, new Entry(400, "Parameter format does not match format in the created template", false)),
            Map.entry(132015, new Entry(400, "Template is Paused", false)),
            Map.entry(132016, new Entry(400, "Template is Disabled", false)),
            Map.entry(133000, new Entry(500, "Incomplete Deregistration", false)),
            Map.entry(133004, new Entry(503, "Server Temporarily Unavailable", true)),
            Map.entry(133005, new Entry(400, "Two step verification PIN Mismatch", false)),
            Map.entry(133006, new Entry(400, "Phone number re-verification needed", false)),
            Map.entry(133008, new Entry(400, "Too Many two step verification PIN Guesses", false)),
            Map.entry(133009, new Entry(400, "Two step verification PIN Guessed Too Fast", false)),
            Map.entry(133010, new Entry(400, "Phone number Not Registered", false)),
            Map.entry(
                    133015,
                    new Entry(400, "Please wait a few minutes before attempting to register this phone number", false)),
            Map.entry(133016, new Entry(400, "Account register deregister rate limit exceeded", false)),
            // 136024/136025: HTTP 400 is unverified (contract §8).
            Map.entry(136024, new Entry(400, "Request code error", false)),
            Map.entry(136025, new Entry(400, "Verify code error", false)));

    private GraphErrorCatalog() {}

    static Entry entry(int code) {
        return ENTRIES.getOrDefault(code, new Entry(400, "Graph API error", false));
    }
}
