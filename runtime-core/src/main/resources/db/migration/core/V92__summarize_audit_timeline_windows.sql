-- Where each tenant's timeline entries of each 10-second span of occurred_at lie among the positions: the lowest and
-- the highest position of the span's entries. A page of a time window (GET /audit/events?from=&to=) walks the
-- tenant's positions from the lowest position of the window's spans up to the highest one and stops at the page's
-- last entry, instead of reading every position of the window and sorting them.
--
-- A trigger keeps the summary in the transaction that inserts the entries, whoever inserts them; an entry's span is
-- its epoch second divided by 10, so the session's time zone plays no part. Deleting entries leaves the bounds
-- wider than they need to be, never too narrow: a walk between them still meets every entry of the window.
create table audit_timeline_span (
    tenant_id      varchar(255) not null,
    span           bigint       not null,
    first_position bigint       not null,
    last_position  bigint       not null,
    primary key (tenant_id, span)
);

create function audit_timeline_span_of(occurred_at timestamptz) returns bigint
    language sql immutable as
$$
select floor(extract(epoch from occurred_at) / 10)::bigint;
$$;

create function audit_timeline_summarize_spans() returns trigger
    language plpgsql as
$$
begin
    -- In (tenant, span) order, so two transactions summarizing the same spans lock them in the same order.
    insert into audit_timeline_span (tenant_id, span, first_position, last_position)
    select tenant_id, audit_timeline_span_of(occurred_at), min(position), max(position)
    from inserted_entries
    group by 1, 2
    order by 1, 2
    on conflict (tenant_id, span) do update
        set first_position = least(audit_timeline_span.first_position, excluded.first_position),
            last_position  = greatest(audit_timeline_span.last_position, excluded.last_position);
    return null;
end;
$$;

create trigger audit_timeline_summarize_spans
    after insert on audit_timeline_entry
    referencing new table as inserted_entries
    for each statement execute function audit_timeline_summarize_spans();

insert into audit_timeline_span (tenant_id, span, first_position, last_position)
select tenant_id, audit_timeline_span_of(occurred_at), min(position), max(position)
from audit_timeline_entry
group by 1, 2;
