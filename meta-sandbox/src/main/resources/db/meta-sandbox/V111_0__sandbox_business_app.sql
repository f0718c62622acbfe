-- Numbers onboarded from the WhatsApp Business app (coexistence): whether the business lets the app share
-- its chat history, when each sync was asked for (Meta answers each kind once) and when the business
-- left Cloud API again.
create table sandbox_business_app_links (
    phone_id              varchar(20) primary key,
    history_shared        boolean     not null,
    onboarded_at          timestamp with time zone not null,
    contacts_requested_at timestamp with time zone,
    history_requested_at  timestamp with time zone,
    offboarded_at         timestamp with time zone,
    offboard_event        varchar(40)
);
