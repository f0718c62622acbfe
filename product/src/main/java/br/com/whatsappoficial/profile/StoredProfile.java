package br.com.whatsappoficial.profile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The store's profile as the merchant set it.
 *
 * @param picture the 640×640 JPEG sent to Meta, if the merchant chose one
 * @param pictureDigest its SHA-256 in hex: how a number's last picture is told apart from a new one
 */
record StoredProfile(
        ProfileFields fields,
        byte @Nullable [] picture,
        @Nullable String pictureDigest,
        Instant updatedAt) {

    boolean hasPicture() {
        return picture != null;
    }
}
