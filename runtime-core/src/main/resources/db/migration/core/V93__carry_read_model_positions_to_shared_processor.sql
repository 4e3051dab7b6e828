-- The read models moved from a tracking processor each to one shared processor, "read-models". A store that already
-- has the former processors' positions hands the lowest of them to the shared processor, so that no read model misses
-- an event; the read models it was not the lowest for see some events again, which their handlers write idempotently
-- (the webhook outbox records each delivery once per endpoint and event). A new store has no such rows.
insert into token_entry (processor_name, segment, token, token_type, timestamp, owner)
select 'read-models', 0, token, token_type, timestamp, null
from token_entry
where processor_name in ('execution-state', 'session-state', 'wal', 'audit-timeline', 'data-references',
                         'policy-versions', 'runtime-metrics', 'webhook-outbox')
  and token is not null
order by (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint nulls first
limit 1
on conflict do nothing;

delete from token_entry
where processor_name in ('execution-state', 'session-state', 'wal', 'audit-timeline', 'data-references',
                         'policy-versions', 'runtime-metrics', 'webhook-outbox');
