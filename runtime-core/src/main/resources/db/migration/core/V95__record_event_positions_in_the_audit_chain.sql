-- Each chain row records the event's position in the event store. An event above the highest position chained so far
-- was never chained (the chain is appended in processing order; only an event committed late, below it, or one handed
-- to the audit timeline again, needs a look-up by its identifier). Rows chained before this column existed keep null.
alter table audit_chain add column global_index bigint;

create index audit_chain_global_index on audit_chain (global_index);
