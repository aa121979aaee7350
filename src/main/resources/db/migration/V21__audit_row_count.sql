-- Exports and other hand-outs of personal data record how many rows left the system.
alter table audit_entry add column row_count int;
