package br.com.whatsappoficial.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.whatsappoficial.autoreply.Decision.Reason;
import br.com.whatsappoficial.store.StoreId;
import br.com.whatsappoficial.webhook.InboundMessageReceived;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoReplyPolicyTest {

    static final String REPLY = "Olá! Já vamos responder. Veja a loja:";

    /** Monday 2026-12-07, 20:00 in São Paulo: after the shop closed. */
    static final Instant EVENING = at("2026-12-07T20:00:00");

    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource({
        "ALWAYS, 2026-12-07T10:00:00, ANSWERED",
        "ALWAYS, 2026-12-07T20:00:00, ANSWERED",
        "OUTSIDE_BUSINESS_HOURS, 2026-12-07T10:00:00, IN_BUSINESS_HOURS",
        "OUTSIDE_BUSINESS_HOURS, 2026-12-07T20:00:00, ANSWERED_OUTSIDE_HOURS",
        "OUTSIDE_BUSINESS_HOURS, 2026-12-13T10:00:00, ANSWERED_OUTSIDE_HOURS",
        "OUTSIDE_BUSINESS_HOURS, 2026-12-25T10:00:00, ANSWERED_ON_HOLIDAY",
        "OUTSIDE_BUSINESS_HOURS, 2026-12-12T01:00:00, IN_BUSINESS_HOURS",
        "OUTSIDE_BUSINESS_HOURS, 2026-12-12T02:30:00, ANSWERED_OUTSIDE_HOURS",
        "FIRST_MESSAGE, 2026-12-07T10:00:00, ANSWERED_FIRST_MESSAGE"
    })
    void answersByTheMerchantsRule(ReplyMode mode, String saoPauloTime, Reason expected) {
        Instant sentAt = at(saoPauloTime);

        Decision decision = AutoReplyPolicy.decide(
                settings(mode, Duration.ofHours(24)), message("Oi", sentAt), CustomerHistory.none(), sentAt);

        assertThat(decision.reason()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "previous message {0} h before → {1}")
    @CsvSource({
        "1, NOT_FIRST_MESSAGE",
        "23.9, NOT_FIRST_MESSAGE",
        "24, ANSWERED_FIRST_MESSAGE",
        "72, ANSWERED_FIRST_MESSAGE"
    })
    void theFirstMessageIsOneWithNoOtherInThe24HoursBefore(double hoursBefore, Reason expected) {
        Instant previous = EVENING.minus(Duration.ofMinutes(Math.round(hoursBefore * 60)));
        CustomerHistory history = new CustomerHistory(previous, null, 0, 0);

        assertThat(AutoReplyPolicy.decide(
                                settings(ReplyMode.FIRST_MESSAGE, Duration.ZERO),
                                message("Oi", EVENING),
                                history,
                                EVENING)
                        .reason())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "cool-down {0} min, last reply {1} min before → {2}")
    @CsvSource({
        "1440, 60, COOL_DOWN",
        "1440, 1439, COOL_DOWN",
        "1440, 1440, ANSWERED",
        "30, 29, COOL_DOWN",
        "30, 31, ANSWERED",
        "0, 1, ANSWERED"
    })
    void aCustomerAnsweredRecentlyWaitsForTheCoolDown(long coolDownMinutes, long minutesSinceReply, Reason expected) {
        CustomerHistory history = new CustomerHistory(null, EVENING.minus(Duration.ofMinutes(minutesSinceReply)), 1, 0);

        Decision decision = AutoReplyPolicy.decide(
                settings(ReplyMode.ALWAYS, Duration.ofMinutes(coolDownMinutes)),
                message("Oi de novo", EVENING),
                history,
                EVENING);

        assertThat(decision.reason()).isEqualTo(expected);
    }

    @Test
    void neverAnswersItsOwnReplyComingBack() {
        Decision decision = AutoReplyPolicy.decide(
                settings(ReplyMode.ALWAYS, Duration.ZERO),
                message("  olá!  Já vamos responder.\nVeja a loja: ", EVENING),
                CustomerHistory.none(),
                EVENING);

        assertThat(decision.reason()).isEqualTo(Reason.ECHO);
        assertThat(decision.answers()).isFalse();
    }

    @ParameterizedTest(name = "{0} s after our reply, {1} earlier quick answers → {2}")
    @CsvSource({
        "1, 0, ANSWERED, true",
        "1, 1, AUTOMATED_SENDER, true",
        "2, 1, AUTOMATED_SENDER, true",
        // Meta's whole seconds may put a quick answer a little before our reply's own time
        "-1, 1, AUTOMATED_SENDER, true",
        "3, 1, ANSWERED, false",
        "60, 5, ANSWERED, false"
    })
    void anotherRobotAnsweringWithinSecondsAgainIsNotAnswered(
            long secondsAfterReply, int earlierQuickAnswers, Reason expected, boolean quick) {
        Instant lastReply = EVENING.minusSeconds(secondsAfterReply);
        CustomerHistory history = new CustomerHistory(lastReply, lastReply, 1, earlierQuickAnswers);

        Decision decision = AutoReplyPolicy.decide(
                settings(ReplyMode.ALWAYS, Duration.ZERO), message("Obrigado!", EVENING), history, EVENING);

        assertThat(decision.reason()).isEqualTo(expected);
        assertThat(decision.quickAnswer()).isEqualTo(quick);
    }

    @ParameterizedTest(name = "{0} replies in the last 24 h → {1}")
    @CsvSource({"0, ANSWERED", "2, ANSWERED", "3, DAILY_CAP", "7, DAILY_CAP"})
    void aRapidBackAndForthStopsAtThreeRepliesADay(int repliesInLastDay, Reason expected) {
        CustomerHistory history = new CustomerHistory(null, EVENING.minus(Duration.ofMinutes(10)), repliesInLastDay, 0);

        assertThat(AutoReplyPolicy.decide(
                                settings(ReplyMode.ALWAYS, Duration.ofMinutes(5)),
                                message("E agora?", EVENING),
                                history,
                                EVENING)
                        .reason())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "reaction, NOT_A_CONVERSATION",
        "system, NOT_A_CONVERSATION",
        "unsupported, NOT_A_CONVERSATION",
        "image, ANSWERED",
        "button, ANSWERED"
    })
    void onlyACustomersOwnWordsAreAnswered(String type, Reason expected) {
        InboundMessageReceived message = new InboundMessageReceived(
                new StoreId(UUID.randomUUID()), "1065", "wamid.x", "5511912345678", null, "Ana", type, null, EVENING);

        assertThat(AutoReplyPolicy.decide(
                                settings(ReplyMode.ALWAYS, Duration.ZERO), message, CustomerHistory.none(), EVENING)
                        .reason())
                .isEqualTo(expected);
    }

    @Test
    void offAnswersNobody() {
        assertThat(AutoReplyPolicy.decide(null, message("Oi", EVENING), CustomerHistory.none(), EVENING)
                        .reason())
                .isEqualTo(Reason.OFF);
        AutoReplySettings off = settings(ReplyMode.ALWAYS, Duration.ZERO);
        off = new AutoReplySettings(
                false, off.text(), off.buttonLabel(), off.link(), off.mode(), off.hours(), off.coolDown());
        assertThat(AutoReplyPolicy.decide(off, message("Oi", EVENING), CustomerHistory.none(), EVENING)
                        .reason())
                .isEqualTo(Reason.OFF);
    }

    @Test
    void aMessageDecidedADayLateFindsItsWindowClosed() {
        Decision decision = AutoReplyPolicy.decide(
                settings(ReplyMode.ALWAYS, Duration.ZERO),
                message("Oi", EVENING),
                CustomerHistory.none(),
                EVENING.plus(Duration.ofHours(24)));

        assertThat(decision.reason()).isEqualTo(Reason.WINDOW_CLOSED);
    }

    static AutoReplySettings settings(ReplyMode mode, Duration coolDown) {
        return new AutoReplySettings(
                true,
                new ReplyText(REPLY),
                new ButtonLabel("Ver a loja"),
                new ReplyLink(URI.create("https://loja.com.br")),
                mode,
                new BusinessHours(BusinessHoursTest.SHOP.week(), Set.of(LocalDate.parse("2026-12-25"))),
                coolDown);
    }

    static InboundMessageReceived message(@Nullable String text, Instant sentAt) {
        return new InboundMessageReceived(
                new StoreId(UUID.randomUUID()),
                "1065",
                "wamid." + UUID.randomUUID(),
                "5511912345678",
                null,
                "Ana",
                "text",
                text,
                sentAt);
    }

    static Instant at(String saoPauloTime) {
        return LocalDateTime.parse(saoPauloTime)
                .atZone(BusinessHoursTest.SAO_PAULO)
                .toInstant();
    }

    @Test
    void keepsQuietForTwoHoursAfterTheMerchantAnsweredFromTheApp() {
        Instant answered = EVENING.minus(Duration.ofMinutes(90));
        CustomerHistory recently = new CustomerHistory(null, null, 0, 0, answered);
        CustomerHistory longAgo = new CustomerHistory(null, null, 0, 0, EVENING.minus(Duration.ofHours(3)));

        Decision quiet = AutoReplyPolicy.decide(
                settings(ReplyMode.ALWAYS, Duration.ZERO), message("Oi", EVENING), recently, EVENING);
        Decision answers = AutoReplyPolicy.decide(
                settings(ReplyMode.ALWAYS, Duration.ZERO), message("Oi", EVENING), longAgo, EVENING);

        assertThat(quiet.reason()).isEqualTo(Reason.HUMAN_ANSWERED);
        assertThat(answers.reason()).isEqualTo(Reason.ANSWERED);
    }
}
