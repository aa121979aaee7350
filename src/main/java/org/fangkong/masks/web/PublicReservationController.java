package org.fangkong.masks.web;

import java.time.Clock;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.common.QrCodes;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.fangkong.masks.Lottery;
import org.fangkong.masks.MaskRound;
import org.fangkong.masks.MaskRounds;
import org.fangkong.masks.Reservation;
import org.fangkong.masks.ReservationForm;
import org.fangkong.masks.Reservations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizens' booking page of a round (口罩预约): no login, no script, phone first. For a
 * first-come round the answer is the pickup code, as digits and as a QR image, shown once (after a
 * redirect, so a reload does not book again); for a lottery round the entrant's own page, which
 * shows when the draw is and then the result. The published list of a lottery round is public.
 */
@Controller
class PublicReservationController {

    private final MaskRounds rounds;
    private final Reservations reservations;
    private final Lottery lottery;
    private final PublicDoorLimits limits;
    private final Clock clock;
    private final Jurisdictions tree;

    PublicReservationController(MaskRounds rounds, Reservations reservations, Lottery lottery, PublicDoorLimits limits,
                                Clock clock, Jurisdictions tree) {
        this.tree = tree;
        this.rounds = rounds;
        this.reservations = reservations;
        this.lottery = lottery;
        this.limits = limits;
        this.clock = clock;
    }

    @GetMapping("/m/{roundId}")
    String page(@PathVariable long roundId, @RequestParam(required = false) String q,
                @RequestParam(required = false) String near, @RequestParam(required = false) String v, Model model) {
        model.addAttribute("form", new ReservationForm(roundId, null, "", "", ""));
        return bookingPage(roundId, q, near, v, model);
    }

    @PostMapping("/m/{roundId}")
    String reserve(@PathVariable long roundId, @ModelAttribute("form") ReservationForm form, BindingResult binding,
                   @RequestParam(required = false) String near, Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        if (limits.take(request.getRemoteAddr()).isPresent()) {
            binding.reject("masks.tooMany");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
        if (!binding.hasErrors()) {
            try {
                ReservationForm typed = new ReservationForm(roundId, form.pointId(), form.name(), form.idNumber(), form.phone());
                if (rounds.published(roundId).mode() == MaskRound.Mode.LOTTERY) {
                    Lottery.Entered entered = lottery.enter(typed);
                    return "redirect:/m/" + roundId + "/e/" + entered.token(); // the entrant's own page from now on
                }
                redirect.addFlashAttribute("reservation", reservations.reserve(typed));
                return "redirect:/m/" + roundId + "/booked";
            } catch (FieldException e) {
                e.rejectOn(binding);
            }
        }
        return bookingPage(roundId, null, near, null, model);
    }

    @GetMapping("/m/{roundId}/booked")
    String booked(@PathVariable long roundId, Model model) {
        model.addAttribute("round", rounds.published(roundId));
        Object shown = model.getAttribute("reservation");
        if (shown instanceof Reservation r) {
            model.addAttribute("qr", qr(r.pickupCode()));
        }
        return "masks/booked";
    }

    /** An entrant's page: before the draw when it is; after, the result and a winner's pickup code. */
    @GetMapping("/m/{roundId}/e/{token}")
    String entry(@PathVariable long roundId, @PathVariable String token, Model model) {
        Lottery.EntryResult result = lottery.result(token);
        model.addAttribute("entry", result);
        model.addAttribute("round", result.round());
        if (result.reservation() != null) {
            model.addAttribute("qr", qr(result.reservation().pickupCode()));
        }
        return "masks/entry";
    }

    /** The published list of a lottery round: how the draw is fixed, every entry masked, and the results once drawn. */
    @GetMapping("/m/{roundId}/entries")
    String entries(@PathVariable long roundId, Model model) {
        MaskRound round = rounds.published(roundId);
        model.addAttribute("round", round);
        model.addAttribute("seed", Lottery.seed(round));
        model.addAttribute("entries", lottery.published(roundId));
        return "masks/entries";
    }

    private static String qr(String code) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(code, 360));
    }

    /**
     * The booking page: the round, its points (nearest to the citizen's village first once they
     * named it: {@code v} searches the round's villages, {@code near} is the one chosen), the form.
     */
    private String bookingPage(long roundId, String q, String near, String v, Model model) {
        MaskRound round = rounds.published(roundId);
        model.addAttribute("round", round);
        model.addAttribute("open", round.openAt(clock.instant()));
        Jurisdiction village = near == null || near.isBlank() ? null
                : tree.findUnscoped(near.strip()).filter(j -> j.level() == Level.VILLAGE).orElse(null);
        model.addAttribute("near", village);
        model.addAttribute("points", rounds.publishedPoints(roundId, q, village == null ? null : village.code()));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("v", v == null ? "" : v);
        model.addAttribute("villages", v == null || v.isBlank() ? List.of()
                : tree.search(v.strip(), tree.findUnscoped(round.scopeCode()).orElseThrow().path(), 0, 40).items().stream()
                .filter(h -> h.node().level() == Level.VILLAGE).limit(15).toList());
        return "masks/book";
    }
}
