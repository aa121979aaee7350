package org.fangkong.person.web;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.person.PersonMerges;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merging two records of one person: officers and admins, with a reason, audited; both people
 * must be held by a row of the caller's subtree (else 404, as for an id that does not exist).
 */
@RestController
class PersonApiController {

    record Merge(Long kept, Long merged, String reason) {
    }

    /** What a merge answers: the ids only; identities are read from the caller's own rows. */
    record Merged(long kept, long merged) {
    }

    private final PersonMerges merges;

    PersonApiController(PersonMerges merges) {
        this.merges = merges;
    }

    @PostMapping("/api/v1/persons/merge")
    @ResponseStatus(HttpStatus.OK)
    Merged merge(@RequestBody Merge body) {
        Actor actor = Actors.require();
        if (!actor.is(Role.ADMIN) && !actor.is(Role.OFFICER)) {
            throw new AccessDeniedException("only officers merge person records");
        }
        if (body.kept() == null) {
            throw new FieldException("kept", "validation.person.mergeIds");
        }
        if (body.merged() == null) {
            throw new FieldException("merged", "validation.person.mergeIds");
        }
        merges.merge(body.kept(), body.merged(), body.reason(), actor.scopePath());
        return new Merged(body.kept(), body.merged());
    }
}
