package br.com.whatsappoficial.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagingTierTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "TIER_2K, TIER_2K",
                "TIER_UNLIMITED, TIER_UNLIMITED",
                "2000, TIER_2K",
                "250, TIER_250",
                "100000, TIER_100K",
                "-1, TIER_UNLIMITED",
                "TIER_NOT_SET, null",
                "'', null",
                "null, null",
                "1234, null"
            })
    void readsMetasTierNamesAndCustomerCounts(String meta, String tier) {
        assertThat(MessagingTier.of(meta).orElse(null)).isEqualTo(tier);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"TIER_250, 250", "TIER_2K, 2000", "TIER_10K, 10000", "TIER_100K, 100000", "2000, 2000"})
    void knowsHowManyCustomersATierAllows(String meta, Integer customers) {
        assertThat(MessagingTier.limit(meta)).hasValueSatisfying(limit -> {
            assertThat(limit.customers()).isEqualTo(customers);
            assertThat(limit.unlimited()).isFalse();
        });
    }

    @Test
    void unlimitedHasNoNumberAndUnknownTiersHaveNoLimit() {
        assertThat(MessagingTier.limit("TIER_UNLIMITED"))
                .hasValueSatisfying(limit -> assertThat(limit.unlimited()).isTrue());
        assertThat(MessagingTier.limit("TIER_42")).isEmpty();
        assertThat(MessagingTier.limit(null)).isEmpty();
    }
}
