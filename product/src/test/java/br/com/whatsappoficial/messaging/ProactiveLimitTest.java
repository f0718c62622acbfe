package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.whatsappoficial.account.IntegrationStatus;
import br.com.whatsappoficial.account.MessagingLimit;
import br.com.whatsappoficial.messaging.ProactiveLimit.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProactiveLimitTest {

    @ParameterizedTest(name = "{0} with Meta''s {1} -> {2} ({3})")
    @CsvSource(
            nullValues = "null",
            value = {
                // Em análise: the smaller of the floor and Meta's limit
                "EM_ANALISE, TIER_250,       50,     FLOOR",
                "EM_ANALISE, TIER_UNLIMITED, 50,     FLOOR",
                "EM_ANALISE, TIER_50,        50,     META",
                "EM_ANALISE, null,           50,     FLOOR",
                // Ativa: Meta's limit, whatever the floor
                "ATIVA,      TIER_250,       250,    META",
                "ATIVA,      TIER_100K,      100000, META",
                "ATIVA,      TIER_UNLIMITED, null,   META",
                // Ativa before Meta reported a limit: never more than the floor
                "ATIVA,      null,           50,     FLOOR"
            })
    void followsTheFloorWhileInReviewAndMetaOnceActive(
            IntegrationStatus status, String tier, Integer customers, Source source) {
        MessagingLimit meta = tier == null ? null : new MessagingLimit(tier, customers(tier));

        ProactiveLimit limit = ProactiveLimit.of(status, meta, 50);

        assertThat(limit.customers()).isEqualTo(customers);
        assertThat(limit.source()).isEqualTo(source);
    }

    @ParameterizedTest
    @CsvSource({"10, TIER_50, 10, FLOOR", "100, TIER_50, 50, META", "100, TIER_250, 100, FLOOR"})
    void theFloorIsASetting(int floor, String tier, int customers, Source source) {
        ProactiveLimit limit =
                ProactiveLimit.of(IntegrationStatus.EM_ANALISE, new MessagingLimit(tier, customers(tier)), floor);

        assertThat(limit.customers()).isEqualTo(customers);
        assertThat(limit.source()).isEqualTo(source);
    }

    private static Integer customers(String tier) {
        return switch (tier) {
            case "TIER_50" -> 50;
            case "TIER_250" -> 250;
            case "TIER_100K" -> 100_000;
            case "TIER_UNLIMITED" -> null;
            default -> throw new IllegalArgumentException(tier);
        };
    }
}
