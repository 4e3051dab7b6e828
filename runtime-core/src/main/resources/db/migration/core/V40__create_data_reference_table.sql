-- The data-references view: every artifact a step registered, with its provenance, built by the data-references
-- projection from the steps' recorded successes. A compensated step's references are kept, marked deleted.
create table data_reference (
    ref_id        varchar(255) primary key,
    tenant_id     varchar(255) not null,
    kind          varchar(255) not null,
    session_id    uuid,
    execution_id  uuid         not null,
    step_index    integer      not null,
    step_name     varchar(255) not null,
    source_refs   jsonb        not null,
    content_hash  varchar(64),
    versions      jsonb        not null,
    attributes    jsonb        not null,
    status        varchar(16)  not null,
    created_at    timestamptz  not null
);

create index data_reference_tenant_execution on data_reference (tenant_id, execution_id, step_index);
