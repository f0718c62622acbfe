package br.com.whatsappoficial.profile;

import java.util.Optional;

/** The image formats a logo may come in, told apart by their first bytes, never by the file's name or type. */
enum LogoFormat {
    PNG("png"),
    JPEG("jpeg"),
    WEBP("webp");

    private final String readerName;

    LogoFormat(String readerName) {
        this.readerName = readerName;
    }

    String readerName() {
        return readerName;
    }

    static Optional<LogoFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int from, int... expected) {
        if (bytes.length < from + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[from + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
