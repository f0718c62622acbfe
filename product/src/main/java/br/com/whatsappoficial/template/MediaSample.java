package br.com.whatsappoficial.template;

import java.util.Arrays;
import java.util.Optional;

/**
 * The example file the merchant chose for an image header, before it is uploaded to Meta. Its type comes
 * from its first bytes, never from the name or the browser's word, since Meta's review refuses a file that
 * is not what it claims.
 */
public record MediaSample(String fileName, byte[] content) {

    /** Meta's limit for a header image. */
    public static final int IMAGE_MAX_BYTES = 5 * 1024 * 1024;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    public MediaSample {
        fileName = fileName == null || fileName.isBlank() ? "exemplo" : fileName.strip();
        content = content == null ? new byte[0] : content.clone();
    }

    /** {@code image/png} or {@code image/jpeg} as the bytes say, or empty for anything else. */
    public Optional<String> imageType() {
        if (startsWith(PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(JPEG)) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    public int size() {
        return content.length;
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    private boolean startsWith(byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MediaSample that
                && fileName.equals(that.fileName)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * fileName.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "MediaSample[" + fileName + ", " + content.length + " bytes]";
    }
}
