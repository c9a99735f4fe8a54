-- The offer catalogue (issue 4): offers analysts and marketers keep, the codes issued for each, and what each achieved.

-- one row per offer, its definition as JSON (like a trigger version); a deleted offer keeps its id
create table offer (
    offer_id    varchar(64) not null primary key,
    definition  text        not null,
    deleted     boolean     not null default false,
    updated_at  timestamp with time zone not null
);

-- the offer a code was issued for: what caps and budgets count (null for codes issued before the catalogue)
alter table offer_code add column offer_id varchar(100);
create index offer_code_offer on offer_code (offer_id, customer_id, issued_at);

-- one row per campaign that sent an offer: converted (the goal followed the message while the offer held) or not;
-- the arbitration's propensities are learned from these per offer × segment × channel
create table offer_outcome (
    campaign_id  varchar(36)  not null primary key references campaign (campaign_id),
    offer_id     varchar(100) not null,
    segment      varchar(16)  not null,
    channel      varchar(16)  not null,
    converted    boolean      not null,
    recorded_at  timestamp with time zone not null
);
create index offer_outcome_offer on offer_outcome (offer_id, segment, channel);
