-- The WABAs a user shared in one Embedded Signup: Meta's token lists exactly these as its granted
-- targets (debug_token's granular_scopes), not every WABA of the business.
create table sandbox_code_grants (
    code    varchar(200) not null references sandbox_auth_codes (code),
    waba_id varchar(20)  not null references sandbox_wabas (waba_id),
    primary key (code, waba_id)
);

create table sandbox_token_grants (
    token   varchar(255) not null references sandbox_tokens (token),
    waba_id varchar(20)  not null references sandbox_wabas (waba_id),
    primary key (token, waba_id)
);

-- Tokens issued before signups remembered their WABAs keep what debug_token showed for them.
insert into sandbox_token_grants (token, waba_id)
select t.token, w.waba_id from sandbox_tokens t join sandbox_wabas w on w.business_id = t.business_id;
