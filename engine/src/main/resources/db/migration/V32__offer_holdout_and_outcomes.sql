-- Offer holdout and outcomes of API decisions (issue 4).
--
-- A decision whose chosen catalogue offer holds the customer out as control (the offer's controlShare) keeps the
-- offer's id and is marked CONTROL; a decision that makes an offer is TREATED by its action.
alter table decision add column offer_group varchar(8);
create index decision_campaign on decision (campaign_id);

-- offer_outcome was one row per campaign; decisions asked for over the API have no campaign, so it becomes one row per
-- decision: the campaign's (null for an API decision), the group (TREATED learn the propensity, CONTROL only measure
-- the offer's uplift), the channel (null for a held-out customer: nothing was sent) and the outcome as reported
create table offer_outcome_by_decision (
    decision_id  varchar(36)  not null primary key references decision (decision_id),
    campaign_id  varchar(36)  references campaign (campaign_id),
    offer_id     varchar(100) not null,
    segment      varchar(16)  not null,
    channel      varchar(16),
    offer_group  varchar(8)   not null,
    converted    boolean      not null,
    outcome      varchar(32),
    recorded_at  timestamp with time zone not null
);
insert into offer_outcome_by_decision
    (decision_id, campaign_id, offer_id, segment, channel, offer_group, converted, outcome, recorded_at)
select (select c.decision_id from offer_code c
        where c.campaign_id = o.campaign_id and c.decision_id is not null
        order by c.issued_at desc fetch first 1 rows only),
       o.campaign_id, o.offer_id, o.segment, o.channel, 'TREATED', o.converted, null, o.recorded_at
from offer_outcome o
where exists (select 1 from offer_code c where c.campaign_id = o.campaign_id and c.decision_id is not null);
drop table offer_outcome;
alter table offer_outcome_by_decision rename to offer_outcome;
create unique index offer_outcome_campaign on offer_outcome (campaign_id);
create index offer_outcome_offer on offer_outcome (offer_id, segment, channel);
