-- Next-best-action arbitration (issue 4): which offer a decision chose and its priority (propensity × value × weight).

alter table decision add column offer_id varchar(100);
alter table decision add column score double precision;
