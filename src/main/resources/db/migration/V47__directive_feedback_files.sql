-- a unit's answer to a directive may carry one PDF (at most 5 MB), as the directive itself may
alter table directive_recipient add column feedback_file bytea;
alter table directive_recipient add column feedback_filename text;
