package br.com.whatsappoficial.profile;

import br.com.whatsappoficial.account.AccountOverview;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.ConnectedNumber;
import br.com.whatsappoficial.account.Timeline;
import br.com.whatsappoficial.account.TimelineKind;
import br.com.whatsappoficial.meta.BusinessProfile;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphProfiles;
import br.com.whatsappoficial.meta.MetaCallFailed;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps each of the store's numbers showing the store's profile: reads Meta's copy, and sends the picture
 * (through the Resumable Upload API) and the texts only where they differ, each sync a line on the number's
 * timeline. Converging on what the merchant saved makes it safe to run on every save and every page open.
 */
@Component
class ProfileSync {

    private static final Logger log = LoggerFactory.getLogger(ProfileSync.class);
    static final String PICTURE_FILE = "perfil.jpg";

    private final StoreProfiles profiles;
    private final ConnectedAccounts accounts;
    private final GraphProfiles graph;
    private final Timeline timeline;
    private final Clock clock;

    ProfileSync(
            StoreProfiles profiles, ConnectedAccounts accounts, GraphProfiles graph, Timeline timeline, Clock clock) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.graph = graph;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Brings every number of the current store in step with its profile; a number that fails waits for the next run. */
    void syncAll() {
        Optional<StoredProfile> profile = profiles.current();
        if (profile.isEmpty()) {
            return;
        }
        for (AccountOverview overview : accounts.overviews()) {
            if (overview.waba().needsReconnection()) {
                continue;
            }
            Optional<BusinessToken> token =
                    accounts.businessToken(overview.waba().wabaId());
            if (token.isEmpty()) {
                continue;
            }
            for (ConnectedNumber number : overview.numbers()) {
                sync(token.get(), number, profile.get());
            }
        }
    }

    private void sync(BusinessToken token, ConnectedNumber number, StoredProfile profile) {
        String phone = number.phoneNumberId();
        NumberSyncState last = profiles.syncState(phone);
        try {
            BusinessProfile theirs = graph.profile(token, phone);
            ProfileFields fields = profile.fields();
            boolean fieldsDiffer = !fields.sameAs(
                    theirs.about(),
                    theirs.description(),
                    theirs.address(),
                    theirs.email(),
                    theirs.websites(),
                    theirs.vertical());
            // Meta's picture address is a signed CDN link that changes by itself: ours is known by its digest.
            boolean pictureDiffers = profile.hasPicture()
                    && (theirs.profilePictureUrl() == null
                            || !Objects.equals(profile.pictureDigest(), last.pictureDigest()));
            if (!fieldsDiffer && !pictureDiffers) {
                if (last.syncedAt() == null || last.failing()) {
                    profiles.synced(phone, last.pictureDigest(), clock.instant());
                }
                return;
            }
            BusinessProfile update = update(fields);
            if (pictureDiffers) {
                update = update.withPicture(
                        graph.upload(token, PICTURE_FILE, "image/jpeg", Objects.requireNonNull(profile.picture())));
            }
            graph.updateProfile(token, phone, update);
            profiles.synced(phone, pictureDiffers ? profile.pictureDigest() : last.pictureDigest(), clock.instant());
            timeline.record(
                    number.wabaId(),
                    phone,
                    TimelineKind.PROFILE_SYNCED,
                    pictureDiffers && fieldsDiffer
                            ? "PROFILE_PICTURE_AND_FIELDS"
                            : pictureDiffers ? "PROFILE_PICTURE" : "PROFILE_FIELDS");
        } catch (MetaCallFailed failed) {
            log.warn("Profile of number {} not synced: {}", phone, failed.errorClass());
            if (!last.failing()) {
                timeline.record(number.wabaId(), phone, TimelineKind.PROFILE_SYNC_FAILED, null);
            }
            profiles.failed(phone, failed.errorClass().name(), clock.instant());
        }
    }

    /**
     * Every field, so that one cleared here is cleared at Meta too; except the about line, which Meta
     * refuses empty: without one of ours, Meta's stays.
     */
    private static BusinessProfile update(ProfileFields fields) {
        BusinessProfile update = BusinessProfile.update()
                .withDescription(Objects.requireNonNullElse(fields.description(), ""))
                .withAddress(Objects.requireNonNullElse(fields.address(), ""))
                .withEmail(Objects.requireNonNullElse(fields.email(), ""))
                .withWebsites(fields.websites())
                .withVertical(fields.vertical() == null ? "" : fields.vertical().name());
        return fields.about() == null ? update : update.withAbout(fields.about());
    }
}
