package br.com.whatsappoficial.profile;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The periodic comparison of each store's profile with Meta's copy, for changes made outside the product. */
@Component
class ProfileChecks {

    private static final Logger log = LoggerFactory.getLogger(ProfileChecks.class);

    private final ProfileCheckQueue queue;
    private final ProfileSync sync;
    private final StoreProfiles profiles;
    private final ProfileSettings settings;
    private final Clock clock;

    ProfileChecks(
            ProfileCheckQueue queue, ProfileSync sync, StoreProfiles profiles, ProfileSettings settings, Clock clock) {
        this.queue = queue;
        this.sync = sync;
        this.profiles = profiles;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${profile.check-poll:60s}")
    void checkDue() {
        for (StoreId store : queue.claim(10)) {
            try {
                CurrentStore.runAs(store, () -> {
                    sync.syncAll();
                    profiles.nextCheck(clock.instant().plus(settings.checkEvery()));
                });
            } catch (RuntimeException unexpected) {
                log.error("Checking the profile of store {} failed unexpectedly", store, unexpected);
            }
        }
    }
}
