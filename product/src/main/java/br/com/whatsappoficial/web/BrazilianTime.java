package br.com.whatsappoficial.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats instants for people: always in São Paulo time (the merchants' clock, whatever the server's),
 * with the reader's language pattern ({@code format.date-time} in the message bundles). Templates call
 * it as {@code ${@brazilianTime.dateTime(instant)}}.
 */
@Component("brazilianTime")
public class BrazilianTime {

    public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private final MessageSource messages;

    BrazilianTime(MessageSource messages) {
        this.messages = messages;
    }

    public String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "—";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String pattern = messages.getMessage("format.date-time", null, "dd/MM/yyyy HH:mm", locale);
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(SAO_PAULO).format(instant);
    }
}
