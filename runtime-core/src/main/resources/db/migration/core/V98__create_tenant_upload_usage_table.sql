-- Tenant quotas: the bytes each tenant uploaded per UTC day, counted by every node against its upload_bytes_per_day.
create table tenant_upload_usage (
    tenant_id varchar(255) not null,
    day       date         not null,
    bytes     bigint       not null,
    primary key (tenant_id, day)
);
