-- Closed-loop feedback (issue 3): customer value segment for triage, the group that currently works a case, the
-- messages a case caused, and follow-up surveys with their one-time answer.

alter table customer add column value_segment varchar(8) default 'MEDIUM' not null;

-- the candidate group of the case's task: the team, or 'escalation' once the case was reassigned or reopened
alter table feedback_case add column work_group varchar(64);
update feedback_case set work_group = team where work_group is null;

create table case_message (
    case_id    varchar(36) not null references feedback_case (case_id),
    message_id varchar(36) not null references outbox_message (message_id),
    purpose    varchar(32) not null,
    primary key (case_id, message_id)
);

create table survey (
    survey_id          varchar(36)  not null primary key,
    customer_id        varchar(64)  not null references customer (customer_id),
    case_id            varchar(36)  references feedback_case (case_id),
    created_at         timestamp with time zone not null,
    expires_at         timestamp with time zone not null,
    answered_at        timestamp with time zone,
    answer_feedback_id varchar(100) references feedback (feedback_id)
);
create index survey_case on survey (case_id);
alter table feedback_case add column resolution varchar(16);
