package br.com.whatsappoficial.profile;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.ConnectedNumber;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the page, its sync status and the card show: the saved profile, the numbers and how far each got. */
@Component
class ProfilePage {

    private final StoreProfiles profiles;
    private final ConnectedAccounts accounts;

    ProfilePage(StoreProfiles profiles, ConnectedAccounts accounts) {
        this.profiles = profiles;
        this.accounts = accounts;
    }

    /** One number's state for the page. */
    record NumberStatus(ConnectedNumber number, NumberSyncState state) {}

    void fill(
            Model model,
            StoreUserPrincipal user,
            ProfileController.@Nullable FieldsForm typed,
            Map<String, String> problems) {
        Optional<StoredProfile> profile = profiles.current();
        ProfileFields saved = profile.map(StoredProfile::fields).orElse(ProfileFields.EMPTY);
        List<ConnectedNumber> numbers =
                accounts.numbersByWaba().values().stream().flatMap(List::stream).toList();
        Map<String, NumberSyncState> states = profiles.syncStates().stream()
                .collect(java.util.stream.Collectors.toMap(NumberSyncState::phoneNumberId, state -> state));
        List<NumberStatus> statuses = numbers.stream()
                .map(number -> new NumberStatus(
                        number,
                        states.getOrDefault(number.phoneNumberId(), NumberSyncState.never(number.phoneNumberId()))))
                .toList();
        Optional<ConnectedNumber> shown = numbers.stream()
                .filter(ConnectedNumber::active)
                .findFirst()
                .or(() -> numbers.stream().findFirst());
        model.addAttribute("form", typed != null ? typed : ProfileController.FieldsForm.of(saved));
        model.addAttribute("fields", saved);
        model.addAttribute("problems", problems);
        model.addAttribute("hasPicture", profile.map(StoredProfile::hasPicture).orElse(false));
        model.addAttribute(
                "pictureVersion", profile.map(StoredProfile::pictureDigest).orElse(""));
        model.addAttribute("hasProfile", profile.isPresent());
        model.addAttribute("verticals", Arrays.stream(Vertical.values()).toList());
        model.addAttribute("numbers", statuses);
        model.addAttribute(
                "failing", statuses.stream().anyMatch(status -> status.state().failing()));
        model.addAttribute(
                "pending",
                profile.isPresent()
                        && statuses.stream().anyMatch(status -> status.state().syncedAt() == null));
        model.addAttribute(
                "lastSynced",
                statuses.stream()
                        .map(status -> status.state().syncedAt())
                        .filter(java.util.Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(null));
        model.addAttribute(
                "businessName",
                shown.map(ConnectedNumber::verifiedName)
                        .filter(name -> !name.isBlank())
                        .orElse(user.storeName()));
        model.addAttribute(
                "businessNumber", shown.map(number -> number.number().display()).orElse(null));
    }
}
