package org.fangkong.checkin.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.checkin.CheckinRefused;
import org.fangkong.checkin.Checkins;
import org.fangkong.checkin.Visit;
import org.fangkong.checkin.web.CheckinApiController.NewCheckin;
import org.fangkong.checkin.web.CheckinApiController.VisitView;
import org.fangkong.common.web.ApiProblems;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.JsonFrontDoor;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public check-in's own door: {@code POST /api/v1/checkins} with a JSON body is answered here,
 * before the security chain and Spring MVC. The endpoint is public, takes no session and no
 * cookie, and is the one hot path of the platform (a city's scans at rush hour); going through
 * some twenty generic filters and the MVC machinery cost more than the check-in itself
 * (docs/benchmarks.md). The answers are {@link CheckinApiController}'s.
 */
class CheckinFrontDoor extends JsonFrontDoor<NewCheckin> {

    private final Checkins checkins;
    private final MessageSource messages;

    CheckinFrontDoor(Checkins checkins, JsonMapper json, ApiProblems problems, MessageSource messages,
                     LocaleResolver locales) {
        super(NewCheckin.class, json, problems, locales);
        this.checkins = checkins;
        this.messages = messages;
    }

    @Override
    protected void answer(NewCheckin body, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        if (body == null || body.venueCode() == null || body.venueCode().isBlank()) {
            throw new FieldException("venueCode", "validation.venueCode.required");
        }
        try {
            Visit v = checkins.checkIn(body.venueCode().strip(), body.phone(), request.getRemoteAddr());
            response.setHeader("Location", "/api/v1/checkins/" + v.publicId());
            created(response, VisitView.of(v));
        } catch (CheckinRefused e) {
            refuse(request, response, CheckinRefusals.problem(e, locale, messages));
        }
    }
}
