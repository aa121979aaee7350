package org.fangkong.masks.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.common.web.ApiProblems;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.JsonFrontDoor;
import org.fangkong.masks.ReservationForm;
import org.fangkong.masks.Reservations;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizens' reservation door, {@code POST /api/v1/reservations} with a JSON body, answered
 * before the security chain and Spring MVC: when a round opens, thousands book in the same minute
 * (docs/benchmarks.md). The answers and the per-address limit are {@link MaskApiController}'s.
 */
class ReservationFrontDoor extends JsonFrontDoor<ReservationForm> {

    private final Reservations reservations;
    private final PublicDoorLimits limits;

    ReservationFrontDoor(Reservations reservations, PublicDoorLimits limits, JsonMapper json, ApiProblems problems,
                         LocaleResolver locales) {
        super(ReservationForm.class, json, problems, locales);
        this.reservations = reservations;
        this.limits = limits;
    }

    @Override
    protected void answer(ReservationForm form, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        Optional<Duration> wait = limits.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            refuse(request, response, limits.tooMany(wait.get(), locale));
            return;
        }
        if (form == null) {
            throw new FieldException("roundId", "validation.masks.point");
        }
        created(response, reservations.reserve(form));
    }
}
