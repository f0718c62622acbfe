package br.com.metasandbox.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Times on the sandbox's pages, in São Paulo time like the product's ({@code @sandboxTime} in templates). */
@Component("sandboxTime")
class SandboxTime {

    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("dd/MM HH:mm:ss").withZone(ZoneId.of("America/Sao_Paulo"));
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("America/Sao_Paulo"));

    public String format(@Nullable Instant instant) {
        return instant == null ? "" : SHORT.format(instant);
    }

    public String clock(@Nullable Instant instant) {
        return instant == null ? "" : CLOCK.format(instant);
    }
}
