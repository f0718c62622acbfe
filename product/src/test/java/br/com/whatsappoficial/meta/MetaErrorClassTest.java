package br.com.whatsappoficial.meta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** META-CONTRACT §8's table, code by code: callers decide on the class, so every row matters. */
class MetaErrorClassTest {

    @ParameterizedTest
    @CsvSource({
        "0, AUTH",
        "102, AUTH",
        "104, AUTH",
        "190, AUTH",
        "3, PERMISSION",
        "10, PERMISSION",
        "200, PERMISSION",
        "299, PERMISSION",
        "4, THROTTLING",
        "17, THROTTLING",
        "32, THROTTLING",
        "613, THROTTLING",
        "80007, THROTTLING",
        "130429, THROTTLING",
        "131056, THROTTLING",
        "1, TRANSIENT",
        "2, TRANSIENT",
        "131000, TRANSIENT",
        "131016, TRANSIENT",
        "131057, TRANSIENT",
        "133004, TRANSIENT",
        "131048, SPAM",
        "368, INTEGRITY",
        "131031, INTEGRITY",
        "131049, POLICY",
        "131050, POLICY",
        "100, PARAMETER",
        "131008, PARAMETER",
        "131009, PARAMETER",
        "131026, PARAMETER",
        "131047, PARAMETER",
        "132000, PARAMETER",
        "132001, PARAMETER",
        "133000, REGISTRATION",
        "133005, REGISTRATION",
        "133006, REGISTRATION",
        "133010, REGISTRATION",
        "133016, REGISTRATION",
        "136024, REGISTRATION",
        "136025, REGISTRATION",
        "999999, UNKNOWN"
    })
    void classifiesMetasCodes(int code, MetaErrorClass expected) {
        assertThat(MetaErrorClass.of(error(code, null), 400)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"500, TRANSIENT", "503, TRANSIENT", "429, THROTTLING", "400, UNKNOWN"})
    void unknownCodesFallBackOnTheHttpStatus(int status, MetaErrorClass expected) {
        assertThat(MetaErrorClass.of(error(424242, null), status)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"true, TRANSIENT", "false, UNKNOWN"})
    void metasTransientHintCountsForUnknownCodes(boolean isTransient, MetaErrorClass expected) {
        assertThat(MetaErrorClass.of(error(424242, isTransient), 400)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "THROTTLING, true",
        "TRANSIENT, true",
        "TIMEOUT, true",
        "AUTH, false",
        "PARAMETER, false",
        "REGISTRATION, false"
    })
    void onlyThrottlingTransientAndTimeoutAreRetried(MetaErrorClass errorClass, boolean retryable) {
        assertThat(errorClass.retryable()).isEqualTo(retryable);
    }

    private static GraphError error(int code, Boolean isTransient) {
        return new GraphError(
                "(#" + code + ") test", "OAuthException", code, null, "trace", null, null, null, isTransient);
    }
}
