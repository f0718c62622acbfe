package br.com.whatsappoficial.meta;

/**
 * What a coexistence number's business app shares with us, each asked for once (a second request of the
 * same kind is refused; doing it again needs the merchant to offboard and run Embedded Signup again), and
 * within 24 h of onboarding.
 */
public enum AppDataSync {
    /** The app's contacts, answered by {@code smb_app_state_sync} webhooks. */
    CONTACTS("smb_app_state_sync"),
    /** The chats of the last 180 days, answered by {@code history} webhooks in phases and chunks. */
    HISTORY("history");

    private final String syncType;

    AppDataSync(String syncType) {
        this.syncType = syncType;
    }

    /** Meta's {@code sync_type}. */
    public String syncType() {
        return syncType;
    }
}
