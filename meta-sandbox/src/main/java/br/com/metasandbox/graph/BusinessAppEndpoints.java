package br.com.metasandbox.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /{phone}/smb_app_data} for numbers on the WhatsApp Business app (contract §12). */
@RestController
@GraphApi
@RequestMapping(GraphApi.BASE + "/{phoneId}")
class BusinessAppEndpoints {

    private final GraphObjects objects;
    private final GraphAuth auth;
    private final Faults faults;
    private final BusinessAppSync sync;

    BusinessAppEndpoints(GraphObjects objects, GraphAuth auth, Faults faults, BusinessAppSync sync) {
        this.objects = objects;
        this.auth = auth;
        this.faults = faults;
        this.sync = sync;
    }

    @PostMapping("/smb_app_data")
    Map<String, Object> smbAppData(@PathVariable String phoneId, GraphParams params) {
        faults.inject(GraphOperation.PHONE_SMB_APP_DATA);
        String syncType =
                params.text("sync_type").orElseThrow(() -> GraphRefusal.param("The parameter sync_type is required."));
        if (!"whatsapp".equals(params.text("messaging_product").orElse(null))) {
            throw GraphRefusal.param("The parameter messaging_product is required.");
        }
        String requestId = sync.request(objects.phone(auth.authenticate(params), phoneId, "POST"), syncType);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messaging_product", "whatsapp");
        answer.put("request_id", requestId);
        return answer;
    }
}
