-- Business levers (issue 4): analysts weigh offer kinds, for every trigger or for one, without touching the offers;
-- the arbitration multiplies the lever into the priority. trigger_key '*' is every trigger.
create table offer_lever (
    offer_kind   varchar(16)      not null,
    trigger_key  varchar(64)      not null,
    lever        double precision not null,
    updated_at   timestamp with time zone not null,
    updated_by   varchar(64)      not null,
    primary key (offer_kind, trigger_key)
);
