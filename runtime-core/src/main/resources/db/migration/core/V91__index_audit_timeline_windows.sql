-- Timeline pages for a time window (GET /audit/events?from=&to=) read the window's positions from this index alone
-- (an index-only scan) and sort them, instead of walking the tenant's positions and filtering on occurred_at. It
-- supersedes the (tenant_id, occurred_at) index, which is a prefix of it.
create index audit_timeline_tenant_occurred_position on audit_timeline_entry (tenant_id, occurred_at, position);
drop index audit_timeline_tenant_occurred;
