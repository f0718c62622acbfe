package br.com.whatsappoficial.profile;

import br.com.whatsappoficial.store.StoreUserPrincipal;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Configurações › WhatsApp Oficial › Personalizar: the profile picture and texts customers see. Every member
 * sees it; only admins change it (the pages' security rule for posts). Each change is sent to WhatsApp at
 * once; opening the page checks Meta's copy too, so a profile edited elsewhere comes back to the store's.
 */
@Controller
@RequestMapping(ProfileController.PATH)
class ProfileController {

    static final String PATH = "/configuracoes/whatsapp-oficial/personalizar";

    private final StoreProfiles profiles;
    private final ProfileSync sync;
    private final ProfilePage page;
    private final ProfileSettings settings;
    private final Clock clock;

    ProfileController(
            StoreProfiles profiles, ProfileSync sync, ProfilePage page, ProfileSettings settings, Clock clock) {
        this.profiles = profiles;
        this.sync = sync;
        this.page = page;
        this.settings = settings;
        this.clock = clock;
    }

    /** The fields as typed; websites are two inputs since Meta takes at most two. */
    record FieldsForm(
            @Nullable String about,
            @Nullable String description,
            @Nullable String address,
            @Nullable String email,
            @Nullable String website1,
            @Nullable String website2,
            @Nullable String vertical) {

        static FieldsForm of(ProfileFields fields) {
            return new FieldsForm(
                    fields.about(),
                    fields.description(),
                    fields.address(),
                    fields.email(),
                    fields.website(0),
                    fields.website(1),
                    fields.vertical() == null ? null : fields.vertical().name());
        }
    }

    @GetMapping
    String page(@AuthenticationPrincipal StoreUserPrincipal user, Model model) {
        page.fill(model, user, null, Map.of());
        return "profile/profile";
    }

    @GetMapping("/cartao")
    String card(@AuthenticationPrincipal StoreUserPrincipal user, Model model) {
        page.fill(model, user, null, Map.of());
        return "profile/card :: card";
    }

    /**
     * Compares with Meta and sends what differs. A GET because it only brings Meta back to what an admin
     * saved, whoever opens the page; the page loads it after showing itself, so a slow Meta delays nothing.
     */
    @GetMapping("/sincronia")
    String syncStatus(@AuthenticationPrincipal StoreUserPrincipal user, Model model) {
        sync.syncAll();
        page.fill(model, user, null, Map.of());
        model.addAttribute("checked", true);
        return "profile/profile :: sync";
    }

    /** A save syncs at once, so the periodic check can wait its whole interval. */
    private java.time.Instant nextCheck() {
        return clock.instant().plus(settings.checkEvery());
    }

    @GetMapping("/foto")
    ResponseEntity<byte[]> picture() {
        byte[] picture = profiles.current()
                .map(StoredProfile::picture)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(picture);
    }

    @PostMapping
    String saveFields(
            FieldsForm form,
            @AuthenticationPrincipal StoreUserPrincipal admin,
            Model model,
            RedirectAttributes redirect) {
        ProfileFields fields;
        try {
            fields = ProfileFields.typed(
                    form.about(),
                    form.description(),
                    form.address(),
                    form.email(),
                    form.website1(),
                    form.website2(),
                    form.vertical());
        } catch (ProfileFieldsRefused refused) {
            page.fill(model, admin, form, refused.problems());
            model.addAttribute("fieldsError", "profile.fields.invalid");
            return "profile/profile";
        }
        profiles.saveFields(fields, clock.instant(), nextCheck());
        sync.syncAll();
        redirect.addFlashAttribute("saved", "profile.fields.saved");
        return "redirect:" + PATH;
    }

    @PostMapping("/foto")
    String savePicture(
            @RequestParam(name = "logo", required = false) @Nullable MultipartFile logo,
            @RequestParam(name = "cropX", defaultValue = "50") String cropX,
            @RequestParam(name = "cropY", defaultValue = "50") String cropY,
            @AuthenticationPrincipal StoreUserPrincipal admin,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        if (logo == null || logo.isEmpty()) {
            page.fill(model, admin, null, Map.of());
            model.addAttribute("pictureError", "profile.picture.missing");
            return "profile/profile";
        }
        byte[] picture;
        try {
            // The size is checked before reading the bytes in: a large upload is refused without holding it.
            if (logo.getSize() > ProfilePictures.MAX_BYTES) {
                throw new PictureRefused(PictureRefused.Reason.TOO_LARGE);
            }
            picture = ProfilePictures.fromLogo(logo.getBytes(), PictureCrop.ofPercent(cropX, cropY));
        } catch (PictureRefused refused) {
            page.fill(model, admin, null, Map.of());
            model.addAttribute("pictureError", refused.reason().messageKey());
            return "profile/profile";
        }
        profiles.savePicture(picture, clock.instant(), nextCheck());
        sync.syncAll();
        redirect.addFlashAttribute("saved", "profile.picture.saved");
        return "redirect:" + PATH;
    }
}
