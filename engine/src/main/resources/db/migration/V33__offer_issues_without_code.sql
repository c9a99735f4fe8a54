-- Offer codes only where a code means something (issue 4): a discount or free shipping gets a code (offer_code), an
-- offer of another kind (content, review or survey invitation) is made without one and recorded here, so that its
-- customer cap and its budget count it like a code.
create table offer_issue (
    issue_id     varchar(36)  not null primary key,
    offer_id     varchar(100) not null,
    customer_id  varchar(64)  not null references customer (customer_id),
    campaign_id  varchar(36)  references campaign (campaign_id),
    decision_id  varchar(36)  references decision (decision_id),
    issued_at    timestamp with time zone not null,
    expires_at   timestamp with time zone not null
);
create index offer_issue_offer on offer_issue (offer_id, customer_id, issued_at);
