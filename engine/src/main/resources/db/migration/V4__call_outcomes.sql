-- Delivery (issue 5): what came of a call-back, as the agent or the CTI reports it.

alter table outbox_message add column call_outcome varchar(32);
alter table outbox_message add column call_note varchar(2000);
alter table outbox_message add column call_outcome_at timestamp with time zone;
