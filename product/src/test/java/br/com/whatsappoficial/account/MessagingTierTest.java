package br.com.whatsappoficial.account;

import static org.assertj.core.api.Assertions.assertThat;

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
}
