package br.com.whatsappoficial.template;

import java.util.Locale;
import java.util.Set;

/**
 * Meta's status of a template, kept as Meta wrote it: Meta adds statuses over time, and one we do not
 * know yet is shown as it came rather than refused.
 */
public record TemplateStatus(String value) {

    public static final TemplateStatus APPROVED = new TemplateStatus("APPROVED");
    public static final TemplateStatus PENDING = new TemplateStatus("PENDING");
    public static final TemplateStatus REJECTED = new TemplateStatus("REJECTED");
    public static final TemplateStatus PAUSED = new TemplateStatus("PAUSED");
    public static final TemplateStatus DISABLED = new TemplateStatus("DISABLED");
    public static final TemplateStatus IN_APPEAL = new TemplateStatus("IN_APPEAL");
    public static final TemplateStatus PENDING_DELETION = new TemplateStatus("PENDING_DELETION");
    public static final TemplateStatus DELETED = new TemplateStatus("DELETED");
    public static final TemplateStatus LIMIT_EXCEEDED = new TemplateStatus("LIMIT_EXCEEDED");
    public static final TemplateStatus ARCHIVED = new TemplateStatus("ARCHIVED");

    private static final Set<String> KNOWN = Set.of(
            "APPROVED",
            "PENDING",
            "REJECTED",
            "PAUSED",
            "DISABLED",
            "IN_APPEAL",
            "PENDING_DELETION",
            "DELETED",
            "LIMIT_EXCEEDED",
            "ARCHIVED");

    public TemplateStatus {
        value = value.strip().toUpperCase(Locale.ROOT);
        if (value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException("a template status is one word of Meta's");
        }
    }

    public boolean known() {
        return KNOWN.contains(value);
    }

    /** Only an approved template can be sent. */
    public boolean sendable() {
        return equals(APPROVED);
    }

    /** Meta has not decided yet: the merchant waits. */
    public boolean underReview() {
        return equals(PENDING) || equals(IN_APPEAL);
    }

    /** Meta edits only approved, rejected and paused templates; one under review waits for its decision. */
    public boolean editable() {
        return equals(APPROVED) || equals(REJECTED) || equals(PAUSED);
    }

    /** Whether there is still something to delete at Meta. */
    public boolean deletable() {
        return !terminal() && !equals(PENDING_DELETION);
    }

    /** Nothing comes after a deletion: a late webhook of the deleted template must not bring it back. */
    boolean terminal() {
        return equals(DELETED);
    }

    /** The label's key; a status Meta added after this code was written has one generic label. */
    public String messageKey() {
        return "template.status." + (known() ? value : "OTHER");
    }

    /** The badge's colour class: sendable, waiting or blocked. */
    public String tone() {
        if (sendable()) {
            return "ativa";
        }
        return underReview() ? "em_analise" : "reprovada";
    }

    @Override
    public String toString() {
        return value;
    }
}
