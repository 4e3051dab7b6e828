-- Every published version of every tenant's policy, in its published form, built by the policy-versions projection.
create table policy_version (
    tenant_id    varchar(255) not null,
    version      integer      not null,
    document     jsonb        not null,
    published_by varchar(255),
    published_at timestamptz  not null,
    primary key (tenant_id, version)
);
