-- Closed-loop feedback (issue 3): feedback with its analysis and triage, the cases it opens, and their history.

create table feedback (
    feedback_id       varchar(100) not null primary key,
    customer_id       varchar(64)  not null references customer (customer_id),
    touchpoint        varchar(32)  not null,
    channel           varchar(32),
    journey_stage     varchar(32),
    score_type        varchar(8)   not null,
    score             integer      not null,
    comment           text,
    language          varchar(2),
    occurred_at       timestamp with time zone not null,
    received_at       timestamp with time zone not null,
    transaction_ref   varchar(100),
    -- analysis
    nps_class         varchar(16)  not null,
    sentiment         varchar(16),
    sentiment_score   double precision,
    topics            varchar(500),
    -- triage
    severity          varchar(16),
    team              varchar(64),
    sla_hours         integer,
    triage_action     varchar(32),
    triage_rules      text,
    process_instance_id varchar(64),
    -- a follow-up survey answer names the case it follows up
    follow_up_of_case varchar(36)
);
create index feedback_customer on feedback (customer_id, occurred_at);
create index feedback_touchpoint on feedback (touchpoint, occurred_at);

create table feedback_case (
    case_id             varchar(36)  not null primary key,
    customer_id         varchar(64)  not null references customer (customer_id),
    feedback_id         varchar(100) not null references feedback (feedback_id),
    team                varchar(64)  not null,
    assignee            varchar(100),
    status              varchar(24)  not null,
    severity            varchar(16)  not null,
    sla_due_at          timestamp with time zone not null,
    breached            boolean      not null default false,
    reopened            boolean      not null default false,
    outcome             varchar(64),
    root_cause          varchar(64),
    process_instance_id varchar(64),
    opened_at           timestamp with time zone not null,
    first_contact_at    timestamp with time zone,
    closed_at           timestamp with time zone,
    updated_at          timestamp with time zone not null
);
create index feedback_case_customer on feedback_case (customer_id, status);
create index feedback_case_team on feedback_case (team, status);

create table case_history (
    case_id     varchar(36)  not null references feedback_case (case_id),
    seq         integer      not null,
    at          timestamp with time zone not null,
    event       varchar(64)  not null,
    actor       varchar(100),
    detail      varchar(2000),
    primary key (case_id, seq)
);
