-- The content realm's store. Bytes are addressed by SHA-256 and kept once per tenant; uploads, parsed documents and
-- chunks are keyed by the data-reference ids the runtime registers for them.
create table content_blob (
    tenant_id   varchar(255) not null,
    sha256      char(64)     not null,
    size_bytes  bigint       not null,
    bytes       bytea        not null,
    created_at  timestamptz  not null default now(),
    primary key (tenant_id, sha256)
);

create table content_upload (
    ref_id        varchar(255) primary key,
    tenant_id     varchar(255) not null,
    session_id    uuid         not null,
    execution_id  uuid         not null,
    sha256        char(64)     not null,
    filename      varchar(1024) not null,
    size_bytes    bigint       not null,
    created_blob  boolean      not null,
    created_at    timestamptz  not null default now()
);

create index content_upload_blob on content_upload (tenant_id, sha256);

create table content_document (
    ref_id       varchar(255) primary key,
    tenant_id    varchar(255) not null,
    session_id   uuid         not null,
    upload_ref   varchar(255) not null,
    media_type   varchar(255) not null,
    text         text         not null,
    metadata     jsonb        not null,
    created_at   timestamptz  not null default now()
);

-- One row per chunk: its text and its all-MiniLM-L6-v2 vector (384 little-endian float32 values).
create table content_chunk (
    chunk_set_ref      varchar(255) not null,
    seq                integer      not null,
    tenant_id          varchar(255) not null,
    session_id         uuid         not null,
    document_ref       varchar(255) not null,
    embedding_set_ref  varchar(255) not null,
    text               text         not null,
    embedding          bytea        not null,
    primary key (chunk_set_ref, seq)
);

create index content_chunk_tenant_session on content_chunk (tenant_id, session_id);
