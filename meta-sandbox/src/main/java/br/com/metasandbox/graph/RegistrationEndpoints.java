package br.com.metasandbox.graph;

import br.com.metasandbox.state.PhoneNumber;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code request_code}, {@code verify_code}, {@code register}, {@code deregister} (contract §4). */
@RestController
@GraphApi
@RequestMapping(GraphApi.BASE + "/{phoneId}")
class RegistrationEndpoints {

    private static final Map<String, Object> SUCCESS = Map.of("success", true);

    private final GraphObjects objects;
    private final GraphAuth auth;
    private final Faults faults;
    private final CloudApiRegistration registration;

    RegistrationEndpoints(GraphObjects objects, GraphAuth auth, Faults faults, CloudApiRegistration registration) {
        this.objects = objects;
        this.auth = auth;
        this.faults = faults;
        this.registration = registration;
    }

    @PostMapping("/request_code")
    Map<String, Object> requestCode(@PathVariable String phoneId, GraphParams params) {
        faults.inject(GraphOperation.PHONE_REQUEST_CODE);
        registration.requestCode(phone(phoneId, params), params);
        return SUCCESS;
    }

    @PostMapping("/verify_code")
    Map<String, Object> verifyCode(@PathVariable String phoneId, GraphParams params) {
        faults.inject(GraphOperation.PHONE_VERIFY_CODE);
        registration.verifyCode(phone(phoneId, params), params);
        return SUCCESS;
    }

    @PostMapping("/register")
    Map<String, Object> register(@PathVariable String phoneId, GraphParams params) {
        faults.inject(GraphOperation.PHONE_REGISTER);
        registration.register(phone(phoneId, params), params);
        return SUCCESS;
    }

    @PostMapping("/deregister")
    Map<String, Object> deregister(@PathVariable String phoneId, GraphParams params) {
        faults.inject(GraphOperation.PHONE_DEREGISTER);
        registration.deregister(phone(phoneId, params));
        return SUCCESS;
    }

    private PhoneNumber phone(String phoneId, GraphParams params) {
        return objects.phone(auth.authenticate(params), phoneId, "POST");
    }
}
