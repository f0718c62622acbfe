package br.com.whatsappoficial.webhook;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A body's bytes as well-formed UTF-8. Events' payloads are cut from the body's bytes and stored as they
 * came; the database refuses a malformed sequence, which would fail the POST at every retry of Meta's. So a
 * body with one has each replaced by U+FFFD first, as decoding it into text would.
 */
final class WellFormedUtf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private WellFormedUtf8() {}

    /** The body itself when it is well formed (ASCII is, and is checked eight bytes at a time), else a copy. */
    static byte[] of(byte[] body) {
        int firstWord = firstWordWithHighByte(body);
        return firstWord < 0 || wellFormed(body, firstWord)
                ? body
                : new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Where the first eight bytes holding a non-ASCII one start (or that byte, in the last few), or -1.
     * Everything before is ASCII, so a character starts there.
     */
    private static int firstWordWithHighByte(byte[] bytes) {
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            if (((long) LONGS.get(bytes, i) & HIGH_BITS) != 0) {
                return i;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean wellFormed(byte[] bytes, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(1024);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out.clear()).isError();
            }
            out.clear();
        }
    }
}
