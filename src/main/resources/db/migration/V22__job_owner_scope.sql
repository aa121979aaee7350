-- An admin sees the jobs of their own subtree only: each job keeps the starter's scope.
alter table job add column owner_scope ltree;
create index job_owner_scope on job using gist (owner_scope);
