-- Survey invitations after journey events (issue 3): what an answer is feedback about.

alter table survey add column touchpoint varchar(32);
alter table survey add column journey_stage varchar(32);
alter table survey add column channel varchar(16);
alter table survey add column transaction_ref varchar(100);
create index survey_customer on survey (customer_id, created_at);
