package br.com.metasandbox;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a sandbox Graph operation does wrong, on every call until the faults are cleared.
 *
 * @param latency added before answering (at most {@link #MAX_DELAY}); with {@code hang}, how long to hang
 * @param httpStatus answer this HTTP 5xx (with Meta's error envelope) instead of the real answer
 * @param graphErrorCode answer this Graph error code, with its HTTP status and message from the contract's §8
 * @param hang hold the request without answering, long enough for a client's read timeout to fire (bounded by
 *     {@link #MAX_DELAY}, released when the faults are cleared or the application stops)
 */
public record SandboxFault(
        Duration latency,
        @Nullable Integer httpStatus,
        @Nullable Integer graphErrorCode,
        boolean hang) {

    /** No fault keeps a thread longer than this. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);

    public SandboxFault {
        if (latency.isNegative() || latency.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("latency must be between 0 and " + MAX_DELAY);
        }
        if (httpStatus != null && (httpStatus < 500 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be a 5xx status");
        }
        if (graphErrorCode != null && graphErrorCode < 0) {
            throw new IllegalArgumentException("graphErrorCode must not be negative");
        }
    }

    public static SandboxFault latency(Duration latency) {
        return new SandboxFault(latency, null, null, false);
    }

    public static SandboxFault httpStatus(int status) {
        return new SandboxFault(Duration.ZERO, status, null, false);
    }

    public static SandboxFault graphError(int code) {
        return new SandboxFault(Duration.ZERO, null, code, false);
    }

    /**
     * Hangs for {@link #MAX_DELAY}. (Not {@code hang()}: a record's accessor of {@code hang} has that name.)
     */
    public static SandboxFault hanging() {
        return new SandboxFault(MAX_DELAY, null, null, true);
    }

    /** Hangs for {@code duration}, then answers as usual. */
    public static SandboxFault hanging(Duration duration) {
        return new SandboxFault(duration, null, null, true);
    }
}
