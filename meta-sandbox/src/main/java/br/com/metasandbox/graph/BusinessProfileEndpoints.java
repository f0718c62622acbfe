package br.com.metasandbox.graph;

import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxProfiles;
import br.com.metasandbox.state.SandboxUploads;
import br.com.metasandbox.state.WhatsAppBusinessProfile;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET|POST /{phone-id}/whatsapp_business_profile} (contract §5), and the sandbox's stand-in for
 * the CDN that serves profile pictures.
 */
@RestController
@GraphApi
class BusinessProfileEndpoints {

    static final String PICTURES = "/sandbox/graph/media/profile-pictures/";

    static final List<String> DEFAULT_FIELDS =
            List.of("about", "address", "description", "email", "profile_picture_url", "websites", "vertical");

    private static final Set<String> FIELDS = Set.of(
            "about",
            "address",
            "description",
            "email",
            "profile_picture_url",
            "websites",
            "vertical",
            "messaging_product",
            "id");

    private final GraphObjects objects;
    private final GraphAuth auth;
    private final Faults faults;
    private final SandboxProfiles profiles;
    private final SandboxUploads uploads;
    private final Clock clock;

    BusinessProfileEndpoints(
            GraphObjects objects,
            GraphAuth auth,
            Faults faults,
            SandboxProfiles profiles,
            SandboxUploads uploads,
            Clock clock) {
        this.objects = objects;
        this.auth = auth;
        this.faults = faults;
        this.profiles = profiles;
        this.uploads = uploads;
        this.clock = clock;
    }

    @GetMapping(GraphApi.BASE + "/{phoneId}/whatsapp_business_profile")
    Map<String, Object> get(@PathVariable String phoneId, GraphParams params) {
        faults.inject(GraphOperation.PHONE_BUSINESS_PROFILE);
        PhoneNumber phone = objects.phone(auth.authenticate(params), phoneId, "GET");
        WhatsAppBusinessProfile profile = profiles.of(phone.id()).orElse(WhatsAppBusinessProfile.EMPTY);
        FieldSelection selection = FieldSelection.of(params, DEFAULT_FIELDS, FIELDS, "WhatsAppBusinessProfile");
        Map<String, Object> data = new LinkedHashMap<>();
        // Unset fields are left out, as Graph does.
        for (String field : selection.names()) {
            switch (field) {
                case "about" -> putIfSet(data, field, profile.about());
                case "address" -> putIfSet(data, field, profile.address());
                case "description" -> putIfSet(data, field, profile.description());
                case "email" -> putIfSet(data, field, profile.email());
                case "vertical" -> putIfSet(data, field, profile.vertical());
                case "websites" -> {
                    if (!profile.websites().isEmpty()) {
                        data.put(field, profile.websites());
                    }
                }
                case "profile_picture_url" -> {
                    if (profile.profilePictureHandle() != null) {
                        data.put(field, pictureUrl(phone.id()));
                    }
                }
                default -> {
                    // id and messaging_product: the profile has no id of its own; messaging_product is always sent.
                }
            }
        }
        data.put("messaging_product", "whatsapp");
        return Map.of("data", List.of(data));
    }

    @PostMapping(GraphApi.BASE + "/{phoneId}/whatsapp_business_profile")
    Map<String, Object> update(@PathVariable String phoneId, GraphParams params) {
        faults.inject(GraphOperation.PHONE_BUSINESS_PROFILE);
        PhoneNumber phone = objects.phone(auth.authenticate(params), phoneId, "POST");
        CloudApiRegistration.requireMessagingProduct(params);
        WhatsAppBusinessProfile current = profiles.of(phone.id()).orElse(WhatsAppBusinessProfile.EMPTY);
        String handle = params.text("profile_picture_handle").orElse(current.profilePictureHandle());
        if (params.has("profile_picture_handle") && (handle == null || !uploads.handleIssued(handle))) {
            throw GraphRefusal.invalidParameter("Param profile_picture_handle is not a handle of a finished upload.");
        }
        WhatsAppBusinessProfile updated = new WhatsAppBusinessProfile(
                params.text("about").orElse(current.about()),
                params.text("address").orElse(current.address()),
                params.text("description").orElse(current.description()),
                params.text("email").orElse(current.email()),
                params.texts("websites").orElse(current.websites()),
                params.text("vertical").orElse(current.vertical()),
                handle);
        profiles.save(phone.id(), updated, clock.instant());
        return Map.of("success", true);
    }

    /** Serves an uploaded profile picture where Meta's CDN would, so pages work offline. */
    @GetMapping(PICTURES + "{phoneId}")
    ResponseEntity<byte[]> picture(@PathVariable String phoneId) {
        String handle = profiles.of(phoneId)
                .map(WhatsAppBusinessProfile::profilePictureHandle)
                .orElseThrow(() -> GraphRefusal.unsupportedRequest("GET", phoneId));
        SandboxUploads.Picture picture =
                uploads.byHandle(handle).orElseThrow(() -> GraphRefusal.unsupportedRequest("GET", phoneId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(picture.fileType().replace("image/jpg", "image/jpeg")))
                .body(picture.content());
    }

    private static String pictureUrl(String phoneId) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(PICTURES + phoneId)
                .toUriString();
    }

    private static void putIfSet(Map<String, Object> data, String field, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            data.put(field, value);
        }
    }
}
