-- cxloop application tables. Camunda's tables (ACT_*) are managed by Camunda itself.

create table customer (
    customer_id  varchar(64)  not null primary key,
    first_name   varchar(200),
    last_name    varchar(200),
    email        varchar(320),
    phone        varchar(32),
    language     varchar(2)   not null,
    timezone     varchar(64)  not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

create table customer_consent (
    customer_id  varchar(64) not null references customer (customer_id),
    channel      varchar(16) not null,
    granted      boolean     not null,
    updated_at   timestamp with time zone not null,
    primary key (customer_id, channel)
);

create table journey_event (
    event_id     varchar(100) not null primary key,
    customer_id  varchar(64)  not null references customer (customer_id),
    event_type   varchar(64)  not null,
    occurred_at  timestamp with time zone not null,
    received_at  timestamp with time zone not null,
    attributes   text
);
create index journey_event_customer on journey_event (customer_id, occurred_at);

-- a trigger's head row; every change writes a new immutable version
create table reconnect_trigger (
    trigger_key     varchar(64) not null primary key,
    current_version integer     not null,
    deleted         boolean     not null default false,
    updated_at      timestamp with time zone not null
);

create table reconnect_trigger_version (
    trigger_key  varchar(64) not null references reconnect_trigger (trigger_key),
    version      integer     not null,
    definition   text        not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(100),
    primary key (trigger_key, version)
);

create table campaign (
    campaign_id         varchar(36) not null primary key,
    customer_id         varchar(64) not null references customer (customer_id),
    trigger_key         varchar(64) not null,
    trigger_version     integer     not null,
    event_id            varchar(100) not null references journey_event (event_id),
    process_instance_id varchar(64),
    started_at          timestamp with time zone not null,
    outcome             varchar(32),
    ended_at            timestamp with time zone,
    foreign key (trigger_key, trigger_version) references reconnect_trigger_version (trigger_key, version)
);
create index campaign_customer_trigger on campaign (customer_id, trigger_key, started_at);

create table decision (
    decision_id          varchar(36)  not null primary key,
    customer_id          varchar(64)  not null references customer (customer_id),
    campaign_id          varchar(36)  references campaign (campaign_id),
    action               varchar(32)  not null,
    channel              varchar(16),
    offer_percent        integer,
    offer_validity       varchar(32),
    offer_free_express   boolean,
    rule_set_version     varchar(100) not null,
    explanations         text         not null,
    decided_at           timestamp with time zone not null
);
create index decision_customer on decision (customer_id, decided_at);

create table offer_code (
    code          varchar(32) not null primary key,
    customer_id   varchar(64) not null references customer (customer_id),
    campaign_id   varchar(36) references campaign (campaign_id),
    decision_id   varchar(36) references decision (decision_id),
    percent       integer     not null,
    free_express  boolean     not null,
    issued_at     timestamp with time zone not null,
    expires_at    timestamp with time zone not null
);

create table outbox_message (
    message_id          varchar(36)  not null primary key,
    customer_id         varchar(64)  not null references customer (customer_id),
    campaign_id         varchar(36)  references campaign (campaign_id),
    decision_id         varchar(36)  references decision (decision_id),
    offer_code          varchar(32)  references offer_code (code),
    channel             varchar(16)  not null,
    template            varchar(64)  not null,
    recipient           varchar(320) not null,
    language            varchar(2)   not null,
    subject             varchar(500),
    html_body           text,
    text_body           text         not null,
    status              varchar(16)  not null,
    attempts            integer      not null default 0,
    next_attempt_at     timestamp with time zone not null,
    claimed_at          timestamp with time zone,
    sent_at             timestamp with time zone,
    provider_message_id varchar(200),
    last_error          varchar(2000),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
create index outbox_due on outbox_message (status, next_attempt_at);
create index outbox_customer on outbox_message (customer_id, created_at);
