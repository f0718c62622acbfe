package br.com.whatsappoficial.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * A body the fuzz run posts to the webhook, rendered around a marker that is unique to its POST, so
 * that the rows it left in the inbox can be counted afterwards.
 */
sealed interface FuzzedWebhook {

    byte[] body(String marker);

    /** Whether a correctly signed copy must leave exactly one inbox row (rather than at least one). */
    default boolean wellFormed() {
        return false;
    }

    /** A text message, with members Meta may add tomorrow at every level of the envelope. */
    record Message(String text, List<String> unknownMembers) implements FuzzedWebhook {
        @Override
        public byte[] body(String marker) {
            String extra = unknownMembers.isEmpty() ? "" : "," + String.join(",", unknownMembers);
            return utf8("""
                    {"object":"whatsapp_business_account"%5$s,"entry":[{"id":"waba-%1$s"%5$s,"changes":[{"field":"messages"%5$s,
                     "value":{"messaging_product":"whatsapp"%5$s,
                      "metadata":{"display_phone_number":"5511987654321","phone_number_id":"phone-%1$s"},
                      "messages":[{"from":"5511912345678","id":"%2$s","timestamp":"1749416383","type":"text"%5$s,
                       "text":{"body":"%3$s"}}]}}]}]%4$s}""".formatted(marker, "wamid." + marker, quote(text), extra, extra));
        }

        @Override
        public boolean wellFormed() {
            return true;
        }
    }

    /** A delivery status with a value Meta does not send today (an over-long one is quarantined). */
    record FutureStatus(String status) implements FuzzedWebhook {
        @Override
        public byte[] body(String marker) {
            return utf8(MetaWebhooks.statuses("waba-" + marker, "phone-" + marker, "wamid." + marker, quote(status)));
        }

        @Override
        public boolean wellFormed() {
            return true;
        }
    }

    /** A change of a {@code field} Meta does not send today. */
    record FutureField(String field) implements FuzzedWebhook {
        @Override
        public byte[] body(String marker) {
            return utf8("""
                    {"object":"whatsapp_business_account","entry":[{"id":"waba-%s","time":1739321024,"changes":[
                     {"field":"%s","value":{"opaque":"%s","n":[1,2.5e300,-0,true,null]}}]}]}""".formatted(marker, quote(field), marker));
        }

        @Override
        public boolean wellFormed() {
            return true;
        }
    }

    /** Meta's envelope with one member of the wrong JSON type (numbers as strings, arrays as objects…). */
    record WrongType(int variant) implements FuzzedWebhook {

        static final int VARIANTS = 12;

        @Override
        public byte[] body(String marker) {
            String message = new String(new Message("Oi", List.of()).body(marker), StandardCharsets.UTF_8);
            return utf8(
                    switch (variant) {
                        case 0 ->
                            message.replace("\"entry\":[{", "\"entry\":{\"0\":{")
                                    .replace("]}]}]}", "]}]}}}");
                        case 1 -> message.replaceFirst("\"changes\":\\[.*", "\"changes\":\"" + marker + "\"}]}");
                        case 2 ->
                            message.replace("\"id\":\"waba-" + marker + "\"", "\"id\":1,\"m\":\"" + marker + "\"");
                        case 3 ->
                            message.replace("\"messages\":[{", "\"messages\":{\"0\":{")
                                    .replace("}}]}}]}]}", "}}}}}]}]}");
                        case 4 -> message.replace("\"value\":{", "\"value\":[{").replace("}}]}}]}]}", "}}]}]}]}]}");
                        case 5 -> message.replace("\"field\":\"messages\"", "\"field\":42");
                        case 6 -> message.replace("\"timestamp\":\"1749416383\"", "\"timestamp\":1749416383");
                        case 7 ->
                            message.replace("\"id\":\"wamid." + marker + "\"", "\"id\":[\"wamid." + marker + "\"]");
                        case 8 -> message.replace("\"whatsapp_business_account\"", "[\"whatsapp_business_account\"]");
                        case 9 -> message.replace("\"entry\":[{", "\"entry\":[null,1,\"x\",{");
                        case 10 -> message.replace("\"changes\":[{", "\"changes\":[null,{\"field\":null},{");
                        default ->
                            message.replace("\"phone_number_id\":\"phone-" + marker + "\"", "\"phone_number_id\":{}");
                    });
        }
    }

    /** A message with an unknown member holding JSON nested thousands of levels deep. */
    record DeeplyNested(int depth, boolean arrays) implements FuzzedWebhook {
        @Override
        public byte[] body(String marker) {
            String open = arrays ? "[" : "{\"a\":";
            String close = arrays ? "]" : "}";
            String nested = open.repeat(depth) + "0" + close.repeat(depth);
            return new Message("fundo", List.of("\"future_nested\":" + nested)).body(marker);
        }
    }

    /**
     * A message whose text holds bytes that are not UTF-8 (a lone continuation byte, a cut sequence, an
     * overlong form…) where Meta's customer typed something, at the start, middle or end of the text or of
     * its unknown member.
     */
    record NotUtf8(byte[] bytes, int where) implements FuzzedWebhook {
        @Override
        public byte[] body(String marker) {
            String hole = "\u0001";
            String text = switch (where % 3) {
                case 0 -> hole + "Oi";
                case 1 -> "Ol" + hole + "a";
                default -> "Oi" + hole;
            };
            List<String> members = where >= 3 ? List.of("\"future_note\":\"" + hole + "\"") : List.of();
            String message = new String(new Message(text, members).body(marker), StandardCharsets.UTF_8);
            byte[] escaped = "\\u0001".getBytes(StandardCharsets.US_ASCII);
            byte[] whole = message.getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream spliced = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < whole.length; i++) {
                if (i + escaped.length <= whole.length
                        && java.util.Arrays.equals(whole, i, i + escaped.length, escaped, 0, escaped.length)) {
                    spliced.writeBytes(bytes);
                    i += escaped.length - 1;
                } else if (whole[i] == 1) {
                    spliced.writeBytes(bytes);
                } else {
                    spliced.write(whole[i]);
                }
            }
            return spliced.toByteArray();
        }

        @Override
        public boolean wellFormed() {
            return true;
        }

        @Override
        public String toString() {
            return "NotUtf8[" + java.util.HexFormat.of().formatHex(bytes) + " at " + where + "]";
        }
    }

    /** A correct body cut short anywhere. */
    record Truncated(double fraction) implements FuzzedWebhook {
        @Override
        public byte[] body(String marker) {
            byte[] whole = new Message("cortado", List.of()).body(marker);
            return java.util.Arrays.copyOf(whole, (int) (whole.length * fraction));
        }
    }

    /** Any bytes at all: not UTF-8, NUL bytes, empty. */
    record Garbage(byte[] bytes) implements FuzzedWebhook {
        @Override
        public byte[] body(String marker) {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return "Garbage[" + java.util.HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /** A message padded past Meta's 3 MB cap, sent with or without its length. */
    record Oversized(int bytesOverCap, boolean chunked) implements FuzzedWebhook {

        static final int CAP = 3 * 1024 * 1024;

        @Override
        public byte[] body(String marker) {
            return new Message("x".repeat(CAP + bytesOverCap), List.of()).body(marker);
        }
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        JsonStringEncoder.getInstance().quoteAsString(text, quoted);
        return quoted.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
