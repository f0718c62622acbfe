package br.com.metasandbox.graph;

import br.com.metasandbox.state.PhoneNumber;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /{phone-id}/messages} (contract §6). */
@RestController
@GraphApi
@RequestMapping(GraphApi.BASE)
class MessageEndpoints {

    private final GraphObjects objects;
    private final GraphAuth auth;
    private final Faults faults;
    private final MessageSending sending;
    private final Clock clock;

    MessageEndpoints(GraphObjects objects, GraphAuth auth, Faults faults, MessageSending sending, Clock clock) {
        this.objects = objects;
        this.auth = auth;
        this.faults = faults;
        this.sending = sending;
        this.clock = clock;
    }

    @PostMapping("/{phoneId}/messages")
    Map<String, Object> send(@PathVariable String phoneId, GraphParams params, HttpServletRequest request) {
        // Meta's throughput counts a send when it reaches Meta's edge, before any of the sandbox's reads for it.
        Instant arrived = GraphArrival.of(request, clock);
        faults.inject(GraphOperation.MESSAGES);
        PhoneNumber phone = objects.phone(auth.authenticate(params), phoneId, "POST");
        return sending.send(phone, params, arrived);
    }
}
