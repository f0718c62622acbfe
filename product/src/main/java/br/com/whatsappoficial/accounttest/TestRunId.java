package br.com.whatsappoficial.accounttest;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Our id of one run of Testar a conta. */
record TestRunId(UUID value) {

    TestRunId {
        Objects.requireNonNull(value);
    }

    static TestRunId random() {
        return new TestRunId(UUID.randomUUID());
    }

    /** The id in a path; empty for anything that is not one. */
    static Optional<TestRunId> parse(String text) {
        try {
            return Optional.of(new TestRunId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
