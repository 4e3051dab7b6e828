-- Bytes staged by POST /content/upload before its intent is submitted, so that the intent (and the event store)
-- carries a reference instead of the bytes. A staging row keeps its blob alive until the execution's upload step
-- turns it into an upload (deleting the staging row in the same transaction), the HTTP layer discards it because
-- the intent was refused, or the staging janitor purges it once it is older than runtime.content.staging-grace.
create table content_staging (
    staging_id    uuid          primary key,
    tenant_id     varchar(255)  not null,
    sha256        char(64)      not null,
    size_bytes    bigint        not null,
    filename      varchar(1024) not null,
    media_type    varchar(255)  not null,
    created_blob  boolean       not null,
    staged_at     timestamptz   not null default now()
);

create index content_staging_blob on content_staging (tenant_id, sha256);
create index content_staging_age on content_staging (staged_at);
