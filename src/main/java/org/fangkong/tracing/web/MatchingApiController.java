package org.fangkong.tracing.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.fangkong.common.security.Actors;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.PageResult;
import org.fangkong.person.PersonIdentity;
import org.fangkong.tracing.CrossMatching;
import org.fangkong.tracing.FollowUpTask;
import org.fangkong.tracing.FollowUpTasks;
import org.fangkong.tracing.MatchList;
import org.fangkong.tracing.MatchResults;
import org.fangkong.tracing.MatchRow;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Cross-matching lists (对比摸排) and the follow-up tasks they make, over the API. */
@RestController
class MatchingApiController {

    private final CrossMatching matching;
    private final MatchResults results;
    private final FollowUpTasks tasks;

    MatchingApiController(CrossMatching matching, MatchResults results, FollowUpTasks tasks) {
        this.matching = matching;
        this.results = results;
        this.tasks = tasks;
    }

    /**
     * Uploads a list (multipart: {@code file} as xlsx or csv, optional {@code name}); answers
     * {@code 202} with the list and the job whose progress is at /api/v1/jobs/(job).
     */
    @PostMapping(value = "/api/v1/matching-lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CrossMatching.Started> upload(@RequestPart(required = false) MultipartFile file,
                                                 @RequestParam(required = false) String name) throws IOException {
        CrossMatching.Started started = matching.start(file == null ? null : file.getBytes(),
                file == null ? null : file.getOriginalFilename(), name, Actors.require());
        return ResponseEntity.accepted().location(URI.create("/api/v1/matching-lists/" + started.listId())).body(started);
    }

    @GetMapping("/api/v1/matching-lists")
    PageResult<MatchList> lists(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return results.lists(page, size, Actors.require());
    }

    @GetMapping("/api/v1/matching-lists/{id}")
    MatchList list(@PathVariable long id) {
        return results.list(id, Actors.require());
    }

    /** The rows in row order; {@code filter} = ALL, MATCHED, UNMATCHED or INVALID. Masked. */
    @GetMapping("/api/v1/matching-lists/{id}/rows")
    PageResult<MatchRow> rows(@PathVariable long id, @RequestParam(required = false) MatchResults.Filter filter,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return results.rows(id, filter, page, size, Actors.require());
    }

    /** The results with the list's full identities as xlsx; audited as an export with the reason. */
    @GetMapping(value = "/api/v1/matching-lists/{id}/export", produces = Downloads.XLSX)
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale) {
        return Downloads.xlsx("matching-" + id + ".xlsx", results.export(id, reason, locale, Actors.require()));
    }

    /** Follow-up tasks in the caller's scope; {@code open=false} includes the done ones. */
    @GetMapping("/api/v1/tasks")
    PageResult<FollowUpTask> tasks(@RequestParam(defaultValue = "true") boolean open,
                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return tasks.tasks(open, page, size, Actors.require());
    }

    record Done(String note) {
    }

    @PostMapping("/api/v1/tasks/{id}/done")
    FollowUpTask done(@PathVariable long id, @RequestBody Done body) {
        return tasks.done(id, body.note(), Actors.require());
    }

    record Reveal(String reason) {
    }

    /** The name, ID number and phone the list gave for the task's person; a reason is required, audited. */
    @PostMapping("/api/v1/tasks/{id}/reveal")
    PersonIdentity reveal(@PathVariable long id, @RequestBody Reveal body) {
        return tasks.reveal(id, body.reason(), Actors.require());
    }
}
