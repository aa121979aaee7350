package org.fangkong.tracing.web;

import java.util.Map;

import org.fangkong.common.security.Actors;
import org.fangkong.common.web.Downloads;
import org.fangkong.tracing.ExposureQuery;
import org.fangkong.tracing.ExposureResult;
import org.fangkong.tracing.ExposureSearch;
import org.fangkong.tracing.ExposureWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/tracing/exposures}: the phone travels in the body, never in a URL or a log. */
@RestController
@RequestMapping("/api/v1/tracing/exposures")
class ExposureApiController {


    private final ExposureSearch search;

    ExposureApiController(ExposureSearch search) {
        this.search = search;
    }

    @PostMapping
    ExposureResult exposures(@RequestBody ExposureQuery query) {
        return search.search(query, Actors.require());
    }

    @PostMapping(value = "/export", produces = Downloads.XLSX)
    ResponseEntity<byte[]> export(@RequestBody ExposureQuery query) {
        byte[] xlsx = ExposureWorkbook.xlsx(search.searchForExport(query, Actors.require()));
        return Downloads.xlsx("exposures.xlsx", xlsx);
    }

    /** Puts the close contacts of this search under home observation (event {@code ContactsIdentified}); officers. */
    @PostMapping("/observe")
    Map<String, Integer> observe(@RequestBody ExposureQuery query) {
        return Map.of("contacts", search.putCloseContactsUnderObservation(query, Actors.require()));
    }
}
