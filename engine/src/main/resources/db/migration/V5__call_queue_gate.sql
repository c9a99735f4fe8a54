-- Delivery (issue 5): engine nodes that share one database take turns in feeding the call-center queue. The node
-- that claims call-backs locks this single row first, so that no two nodes grant the same hourly capacity twice.

create table call_queue_gate (
    gate integer not null primary key
);
insert into call_queue_gate (gate) values (1);
