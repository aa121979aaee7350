-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0):
-- a module event is stored with the publisher's transaction, one row per listener, and deleted
-- once that listener has completed (spring.modulith.events.completion-mode=delete). What stays
-- is work not yet done: resubmitted on start and every few minutes, listed to admins at /events.
create table event_publication (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
