-- Search streams a tenant's (or one session's) chunks newest first and scores at most
-- runtime.content.search-max-candidates of them; these indexes hand the rows over in that order without a sort.
alter table content_chunk add column created_at timestamptz not null default now();

drop index content_chunk_tenant_session;
create index content_chunk_tenant_recent on content_chunk (tenant_id, created_at desc);
create index content_chunk_session_recent on content_chunk (tenant_id, session_id, created_at desc);
