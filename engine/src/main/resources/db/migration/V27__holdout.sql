-- Holdout (issue 4): a campaign whose rules chose to contact the customer is TREATED, or CONTROL when the customer is
-- held out of the trigger's control share (no message, outcome still recorded). The uplift report reads it per trigger.
alter table campaign add column holdout_group varchar(8);
create index campaign_trigger_started on campaign (trigger_key, started_at);
