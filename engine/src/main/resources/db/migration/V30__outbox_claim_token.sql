-- Batch claim (issue 6): a dispatcher marks all the due messages it wins with one update and reads them back with one
-- query by the token of its claim, instead of one update and one read per message. The token, not the claim time,
-- tells which rows this claim won: two nodes may claim in the same instant.
alter table outbox_message add column claim_token varchar(36);
