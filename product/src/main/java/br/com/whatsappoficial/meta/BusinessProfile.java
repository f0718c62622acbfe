package br.com.whatsappoficial.meta;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The WhatsApp Business profile customers see (META-CONTRACT §5). As an update, absent fields stay
 * as they are; {@code profilePictureHandle} comes from {@link GraphProfiles#upload}.
 *
 * @param about ≤ 139 characters, no markdown
 * @param websites at most 2, with http:// or https://
 * @param vertical Meta's category, e.g. RETAIL or APPAREL
 */
public record BusinessProfile(
        @Nullable String about,
        @Nullable String address,
        @Nullable String description,
        @Nullable String email,
        @Nullable String profilePictureUrl,
        @Nullable List<String> websites,
        @Nullable String vertical,
        @Nullable String profilePictureHandle) {

    public static BusinessProfile update() {
        return new BusinessProfile(null, null, null, null, null, null, null, null);
    }

    public BusinessProfile withAbout(String value) {
        return new BusinessProfile(
                value, address, description, email, profilePictureUrl, websites, vertical, profilePictureHandle);
    }

    public BusinessProfile withDescription(String value) {
        return new BusinessProfile(
                about, address, value, email, profilePictureUrl, websites, vertical, profilePictureHandle);
    }

    public BusinessProfile withAddress(String value) {
        return new BusinessProfile(
                about, value, description, email, profilePictureUrl, websites, vertical, profilePictureHandle);
    }

    public BusinessProfile withEmail(String value) {
        return new BusinessProfile(
                about, address, description, value, profilePictureUrl, websites, vertical, profilePictureHandle);
    }

    public BusinessProfile withWebsites(List<String> value) {
        return new BusinessProfile(
                about, address, description, email, profilePictureUrl, value, vertical, profilePictureHandle);
    }

    public BusinessProfile withVertical(String value) {
        return new BusinessProfile(
                about, address, description, email, profilePictureUrl, websites, value, profilePictureHandle);
    }

    public BusinessProfile withPicture(String handle) {
        return new BusinessProfile(about, address, description, email, profilePictureUrl, websites, vertical, handle);
    }
}
