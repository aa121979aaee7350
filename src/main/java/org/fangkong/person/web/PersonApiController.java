package org.fangkong.person.web;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.person.Person;
import org.fangkong.person.PersonRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Merging two records of one person: officers and admins, with a reason, audited. */
@RestController
class PersonApiController {

    record Merge(Long kept, Long merged, String reason) {
    }

    private final PersonRegistry persons;

    PersonApiController(PersonRegistry persons) {
        this.persons = persons;
    }

    @PostMapping("/api/v1/persons/merge")
    @ResponseStatus(HttpStatus.OK)
    Person merge(@RequestBody Merge body) {
        Actor actor = Actors.require();
        if (!actor.is(Role.ADMIN) && !actor.is(Role.OFFICER)) {
            throw new AccessDeniedException("only officers merge person records");
        }
        if (body.kept() == null) {
            throw new org.fangkong.common.web.FieldException("kept", "validation.person.mergeIds");
        }
        if (body.merged() == null) {
            throw new org.fangkong.common.web.FieldException("merged", "validation.person.mergeIds");
        }
        persons.merge(body.kept(), body.merged(), body.reason());
        return persons.find(body.kept());
    }
}
