-- Contact policy (issue 4): a decision made in the customer's quiet hours postpones its message until they end.

alter table decision add column not_before timestamp with time zone;
