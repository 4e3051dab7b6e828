-- The policy decision recorded with each execution, and the approval an execution held by the policy waits for.
alter table execution_state
    add column policy_decision   varchar(32),
    add column policy_rule       varchar(255),
    add column policy_version    integer,
    add column approval_deadline timestamptz,
    add column decided_by        varchar(255),
    add column decision_reason   text;

create index execution_state_pending_approval on execution_state (tenant_id, approval_deadline)
    where status = 'awaiting_approval';
