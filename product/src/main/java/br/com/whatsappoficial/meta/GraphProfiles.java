package br.com.whatsappoficial.meta;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** The business profile of a number, and the Resumable Upload API its picture goes through (META-CONTRACT §5). */
@Component
public class GraphProfiles {

    static final String FIELDS = "about,address,description,email,profile_picture_url,websites,vertical";

    /** An upload that loses its connection is resumed from what Meta received, this many times at most. */
    static final int UPLOAD_ATTEMPTS = 3;

    private final GraphHttp graph;
    private final MetaSettings settings;

    GraphProfiles(GraphHttp graph, MetaSettings settings) {
        this.graph = graph;
        this.settings = settings;
    }

    public BusinessProfile profile(BusinessToken token, String phoneNumberId) {
        var page = graph.call(
                GraphRequest.get("phone.business_profile", "/" + phoneNumberId + "/whatsapp_business_profile")
                        .query("fields", FIELDS)
                        .as(token),
                Profiles.class);
        return page.data().isEmpty() ? BusinessProfile.update() : page.data().getFirst();
    }

    public void updateProfile(BusinessToken token, String phoneNumberId, BusinessProfile update) {
        graph.call(
                        GraphRequest.post("phone.business_profile", "/" + phoneNumberId + "/whatsapp_business_profile")
                                .json(new ProfileUpdate("whatsapp", update))
                                .as(token),
                        Success.class)
                .require("phone.business_profile");
    }

    /**
     * Uploads a file (the profile picture) and returns the handle Meta gives for it. A transient failure
     * mid-way resumes from the offset Meta reports instead of sending everything again.
     */
    public String upload(BusinessToken token, String fileName, String fileType, byte[] content) {
        UploadSession session = graph.call(
                GraphRequest.post("uploads", "/" + settings.appId() + "/uploads")
                        .query("file_name", fileName)
                        .query("file_length", Long.toString(content.length))
                        .query("file_type", fileType)
                        .as(token),
                UploadSession.class);
        long offset = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                byte[] rest = Arrays.copyOfRange(content, (int) offset, content.length);
                return graph.call(
                                GraphRequest.post("uploads", "/" + session.id())
                                        .header("file_offset", Long.toString(offset))
                                        .bytes(rest)
                                        .as(token)
                                        .header("Authorization", "OAuth " + token.value()),
                                UploadHandle.class)
                        .h();
            } catch (MetaCallFailed failed) {
                if (!failed.errorClass().retryable() || attempt == UPLOAD_ATTEMPTS) {
                    throw failed;
                }
                offset = graph.call(
                                GraphRequest.get("uploads", "/" + session.id()).as(token), UploadStatus.class)
                        .fileOffset();
            }
        }
    }

    record Profiles(List<BusinessProfile> data) {
        Profiles {
            data = data == null ? List.of() : List.copyOf(data);
        }
    }

    record ProfileUpdate(
            String messagingProduct, @JsonUnwrapped BusinessProfile profile) {}

    record UploadSession(String id) {}

    record UploadHandle(String h) {}

    record UploadStatus(String id, long fileOffset) {}
}
