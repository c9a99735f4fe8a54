-- Delivery (issue 5): delivery receipts, marketing flag for one-click unsubscribe, opt-outs and bounces.

alter table outbox_message add column delivered_at timestamp with time zone;
alter table outbox_message add column marketing boolean default true not null;

-- Addresses the outbox must not write to any more: UNSUBSCRIBED stops marketing, BOUNCED stops every message.
create table contact_suppression (
    channel      varchar(16)  not null,
    address      varchar(320) not null,
    reason       varchar(16)  not null,
    customer_id  varchar(64),
    detail       varchar(500),
    created_at   timestamp with time zone not null,
    primary key (channel, address, reason)
);

create index outbox_provider_message on outbox_message (provider_message_id);
