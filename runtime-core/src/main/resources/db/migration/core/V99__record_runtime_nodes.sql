-- The nodes sharing this database: each records its id (the owner it writes into token_entry) and a heartbeat, so
-- that nodes can count who is alive and share the streaming processors' segments fairly.
create table runtime_node (
    node_id    varchar(255) not null primary key,
    started_at timestamptz  not null,
    seen_at    timestamptz  not null
);
