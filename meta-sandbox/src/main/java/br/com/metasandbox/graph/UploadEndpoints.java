package br.com.metasandbox.graph;

import br.com.metasandbox.MetaApp;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /{app-id}/uploads} opens a Resumable Upload session (contract §5); the session is served by {@link NodeEndpoints}. */
@RestController
@GraphApi
@RequestMapping(GraphApi.BASE)
class UploadEndpoints {

    private final GraphAuth auth;
    private final Faults faults;
    private final ResumableUploads uploads;
    private final MetaApp settings;

    UploadEndpoints(GraphAuth auth, Faults faults, ResumableUploads uploads, MetaApp settings) {
        this.auth = auth;
        this.faults = faults;
        this.uploads = uploads;
        this.settings = settings;
    }

    @PostMapping("/{appId}/uploads")
    Map<String, Object> open(@PathVariable String appId, GraphParams params) {
        faults.inject(GraphOperation.UPLOADS);
        auth.authenticateBusiness(params);
        if (!settings.appId().equals(appId)) {
            throw GraphObjects.notFound("POST", appId);
        }
        return uploads.open(appId, params);
    }
}
