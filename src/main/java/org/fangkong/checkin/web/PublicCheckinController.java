package org.fangkong.checkin.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.checkin.CheckinRefused;
import org.fangkong.checkin.Checkins;
import org.fangkong.checkin.Visit;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.web.FieldException;
import org.fangkong.venue.PublicVenue;
import org.springframework.http.HttpHeaders;
import org.fangkong.common.web.Transport;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a citizen's phone opens from a venue's QR code: one phone field (remembered on the
 * device in a sealed cookie, so a return visit is one tap), a green success screen a guard can read
 * at a glance, and a check-out button. No login, no script.
 */
@Controller
class PublicCheckinController {

    static final String PHONE_COOKIE = "FK_PHONE";
    /** The visit this device opened (sealed): only it may get that visit back from a repeat scan. */
    static final String VISIT_COOKIE = "FK_VISIT";

    private final Checkins checkins;
    private final PiiSealer sealer;
    private final Transport transport;

    PublicCheckinController(Checkins checkins, PiiSealer sealer, Transport transport) {
        this.transport = transport;
        this.checkins = checkins;
        this.sealer = sealer;
    }

    @GetMapping("/c/{code}")
    String page(@PathVariable String code, @RequestParam(required = false) String change, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Optional<PublicVenue> venue = checkins.venue(code);
        if (venue.isEmpty() || !venue.get().open()) {
            return unavailable(venue, response, model);
        }
        model.addAttribute("venue", venue.get());
        if (change == null) {
            rememberedPhone(request).ifPresent(p -> model.addAttribute("remembered", p.masked()));
        }
        return "checkin/form";
    }

    @PostMapping("/c/{code}")
    String checkIn(@PathVariable String code, @RequestParam(required = false) String phone, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        String number = phone;
        if (number == null || number.isBlank()) {
            number = rememberedPhone(request).map(PhoneNumber::value).orElse(null);
        }
        try {
            Visit visit = checkins.checkIn(code, number, request.getRemoteAddr(), openedHere(request).orElse(null));
            remember(PhoneNumber.parse(number), response);
            rememberVisit(visit.publicId(), response);
            return "redirect:/c/" + code + "/v/" + visit.publicId();
        } catch (FieldException e) {
            Optional<PublicVenue> venue = checkins.venue(code);
            model.addAttribute("venue", venue.orElseThrow());
            model.addAttribute("phone", phone);
            model.addAttribute("phoneError", e.messageKey());
            response.setStatus(400);
            return "checkin/form";
        } catch (CheckinRefused e) {
            if (e.reason() == CheckinRefused.Reason.VENUE_UNKNOWN || e.reason() == CheckinRefused.Reason.VENUE_CLOSED) {
                return unavailable(checkins.venue(code), response, model);
            }
            long seconds = Math.max(1, e.retryAfter().toSeconds());
            response.setStatus(e.reason() == CheckinRefused.Reason.UNAVAILABLE ? 503 : 429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            model.addAttribute("reason", e.reason().name());
            model.addAttribute("minutes", Math.max(1, (seconds + 59) / 60));
            return "checkin/limited";
        }
    }

    @GetMapping("/c/{code}/v/{id}")
    String visit(@PathVariable String code, @PathVariable String id, HttpServletResponse response, Model model) {
        Optional<Visit> visit = checkins.find(id);
        if (visit.isEmpty()) {
            return unavailable(Optional.empty(), response, model);
        }
        Visit v = visit.get();
        model.addAttribute("visit", v);
        model.addAttribute("code", code);
        model.addAttribute("open", v.openAt(Instant.now()));
        model.addAttribute("inTime", ShanghaiTime.format(v.checkedInAt()));
        model.addAttribute("outTime", ShanghaiTime.format(v.checkedOutAt()));
        return "checkin/visit";
    }

    @PostMapping("/c/{code}/v/{id}/checkout")
    String checkOut(@PathVariable String code, @PathVariable String id) {
        checkins.checkOut(id);
        return "redirect:/c/" + code + "/v/" + id;
    }

    private static String unavailable(Optional<PublicVenue> venue, HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("closedVenue", venue.map(PublicVenue::name).orElse(null));
        return "checkin/unavailable";
    }

    private Optional<PhoneNumber> rememberedPhone(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (PHONE_COOKIE.equals(c.getName())) {
                try {
                    return Optional.of(PhoneNumber.parse(sealer.open(Base64.getUrlDecoder().decode(c.getValue()))));
                } catch (RuntimeException e) {
                    return Optional.empty(); // tampered or from old keys: ask again
                }
            }
        }
        return Optional.empty();
    }

    /** The visit id this device holds from opening a visit, if its sealed cookie opens. */
    private Optional<String> openedHere(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (VISIT_COOKIE.equals(c.getName())) {
                try {
                    return Optional.of(sealer.open(Base64.getUrlDecoder().decode(c.getValue())));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private void rememberVisit(String publicId, HttpServletResponse response) {
        String sealed = Base64.getUrlEncoder().withoutPadding().encodeToString(sealer.encrypt(publicId));
        ResponseCookie cookie = ResponseCookie.from(VISIT_COOKIE, sealed).path("/c").maxAge(Duration.ofDays(1))
                .httpOnly(true).secure(transport.secure()).sameSite("Lax").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private void remember(PhoneNumber phone, HttpServletResponse response) {
        String sealed = Base64.getUrlEncoder().withoutPadding().encodeToString(sealer.encrypt(phone.value()));
        ResponseCookie cookie = ResponseCookie.from(PHONE_COOKIE, sealed).path("/c").maxAge(Duration.ofDays(28))
                .httpOnly(true).secure(transport.secure()).sameSite("Lax").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
