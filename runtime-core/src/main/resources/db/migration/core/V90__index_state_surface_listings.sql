-- Keyset listings of the State Surface (GET /executions, GET /sessions): a tenant's rows newest first.
create index execution_state_tenant_accepted on execution_state (tenant_id, accepted_at desc, execution_id desc);
create index session_state_tenant_created on session_state (tenant_id, created_at desc, session_id desc);
