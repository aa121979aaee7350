-- A password reset or a disable ends the account's open sessions: sessions that began before it are refused.
alter table staff_user add column credentials_changed_at timestamptz not null default '-infinity';
