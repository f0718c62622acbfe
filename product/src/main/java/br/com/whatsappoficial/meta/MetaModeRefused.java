package br.com.whatsappoficial.meta;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The node refused to start: its mode is not named where it must be, or live mode found a sandbox default.
 * Thrown before any bean exists, so a refused node never touches its database.
 */
public final class MetaModeRefused extends IllegalStateException {

    private final List<Reason> reasons;

    MetaModeRefused(List<Reason> reasons) {
        super(reasons.stream().map(Reason::english).collect(Collectors.joining("; ")));
        this.reasons = List.copyOf(reasons);
    }

    public List<Reason> reasons() {
        return reasons;
    }

    /**
     * One thing to fix, said in both languages an operator of this product reads.
     *
     * @param setting the property (and its environment variable) to set
     */
    public record Reason(String setting, String portuguese, String english) {}
}
