-- Delivery on every channel (issue 5): SMS cost, call-queue priority, and why a message was suppressed.

alter table outbox_message add column sms_encoding varchar(8);
alter table outbox_message add column sms_segments integer;
alter table outbox_message add column priority integer;
alter table outbox_message add column status_reason varchar(500);
