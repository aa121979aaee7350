-- Who was merged into a person: scope checks of a merge and the registry's retention look it up.
create index person_merged_into on person (merged_into) where merged_into is not null;
