-- The links between a failed or compensated execution and the execution that resumed it.
alter table execution_state
    add column resumed_from uuid,
    add column resumed_as   uuid;
