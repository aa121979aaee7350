package org.fangkong.masks.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageForms;
import org.fangkong.masks.MaskAreas;
import org.fangkong.masks.MaskCounts;
import org.fangkong.masks.MaskRound;
import org.fangkong.masks.MaskRounds;
import org.fangkong.masks.PickupPoint;
import org.fangkong.masks.PickupPoints;
import org.fangkong.masks.Reservation;
import org.fangkong.masks.Reservations;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The staff's mask pages: the rounds and points of the area with what is booked, collected and left;
 * registering a point and opening a round; a point's pickup counter (code or ID number, once).
 */
@Controller
class MaskPageController {

    /** A round as typed on the page: local times (Asia/Shanghai), the points ticked, one quantity for each. */
    record RoundEntry(String scope, String name, MaskRound.Mode mode, Integer quota, Integer periodDays,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime opensAt,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime closesAt,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pickupFrom,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pickupTo,
                      List<Long> pointIds, Integer quantityPerPoint) {

        MaskRounds.RoundForm form() {
            int each = quantityPerPoint == null ? -1 : quantityPerPoint;
            return new MaskRounds.RoundForm(scope, name, mode, quota, periodDays,
                    opensAt == null ? null : opensAt.atZone(ShanghaiTime.ZONE).toInstant(),
                    closesAt == null ? null : closesAt.atZone(ShanghaiTime.ZONE).toInstant(), pickupFrom, pickupTo,
                    pointIds == null ? List.of() : pointIds.stream().map(p -> new MaskRounds.Allocation(p, each)).toList());
        }
    }

    private final PickupPoints points;
    private final MaskRounds rounds;
    private final Reservations reservations;
    private final MaskCounts counts;
    private final MaskAreas areas;

    MaskPageController(PickupPoints points, MaskRounds rounds, Reservations reservations, MaskCounts counts, MaskAreas areas) {
        this.areas = areas;
        this.points = points;
        this.rounds = rounds;
        this.reservations = reservations;
        this.counts = counts;
    }

    @Bean
    static NavItem masksNavItem() {
        return new NavItem("nav.masks", "/masks", 40, Set.of(Role.OFFICER, Role.COMMANDER, Role.ADMIN, Role.PICKUP_POINT));
    }

    @Bean
    static QuickTask masksQuickPickupPoint() {
        return new QuickTask(Role.PICKUP_POINT, 1, "quick.masks", "/masks");
    }

    @GetMapping("/masks")
    String page(Model model) {
        Actor me = Actors.require();
        if (me.is(Role.PICKUP_POINT)) {
            List<MaskCounts.PointCounts> mine = counts.points(null, me);
            if (mine.size() == 1) {
                return "redirect:/masks/points/" + mine.get(0).point().id(); // the counter is all they need
            }
        }
        model.addAttribute("rounds", counts.rounds(me));
        model.addAttribute("points", counts.points(null, me));
        model.addAttribute("mayRegister", me.is(Role.OFFICER) || me.is(Role.ADMIN));
        model.addAttribute("mayOpen", me.is(Role.OFFICER) || me.is(Role.COMMANDER) || me.is(Role.ADMIN));
        model.addAttribute("kinds", PickupPoint.Kind.values());
        model.addAttribute("scopeCode", me.scopeCode());
        return "masks/staff";
    }

    @PostMapping("/masks/points")
    String register(@ModelAttribute PickupPoints.PointForm form, BindingResult binding, RedirectAttributes redirect) {
        if (!PageForms.bound(binding, redirect)) {
            return "redirect:/masks";
        }
        try {
            PickupPoint p = points.register(form, Actors.require());
            redirect.addFlashAttribute("notice", "masks.pointRegistered");
            redirect.addFlashAttribute("noticeArg", p.name());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/masks";
    }

    @PostMapping("/masks/rounds")
    String open(@ModelAttribute RoundEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (!PageForms.bound(binding, redirect)) {
            return "redirect:/masks";
        }
        try {
            MaskRound r = rounds.open(entry.form(), Actors.require());
            redirect.addFlashAttribute("notice", "masks.roundOpened");
            redirect.addFlashAttribute("noticeArg", r.name());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/masks";
    }

    /** A node and its children as tiles: points and masks allotted, booked, collected, no-shows, left. */
    @GetMapping("/masks/areas")
    String areas(@RequestParam(required = false) String node, @RequestParam(required = false) LocalDate day, Model model) {
        model.addAttribute("view", areas.of(node, day, Actors.require()));
        return "masks/areas";
    }

    /** A point's counter: what is booked, handed over and left, and the form for a code or an ID number. */
    @GetMapping("/masks/points/{id}")
    String point(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        model.addAttribute("point", counts.points(points.find(id, me).id(), me).get(0));
        boolean mayAssign = me.is(Role.OFFICER) || me.is(Role.ADMIN);
        model.addAttribute("mayAssign", mayAssign);
        model.addAttribute("staff", mayAssign ? points.staffOf(id, me) : List.of());
        model.addAttribute("kinds", PickupPoint.Kind.values());
        return "masks/point";
    }

    /** The officer's edit of a point's name, kind, address and hours. */
    @PostMapping("/masks/points/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute PickupPoints.PointEdit form, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                PickupPoint p = points.update(id, form, Actors.require());
                redirect.addFlashAttribute("notice", "masks.pointSaved");
                redirect.addFlashAttribute("noticeArg", p.name());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/masks/points/" + id;
    }

    /** Assigns a PICKUP_POINT account to this point: from now on it sees this point only. */
    @PostMapping("/masks/points/{id}/staff")
    String assign(@PathVariable long id, @RequestParam(required = false) String username, RedirectAttributes redirect) {
        try {
            points.assignStaff(id, username, Actors.require());
            redirect.addFlashAttribute("notice", "masks.staffAssigned");
            redirect.addFlashAttribute("noticeArg", username);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/masks/points/" + id;
    }

    @PostMapping("/masks/points/{id}/collect")
    String collect(@PathVariable long id, @RequestParam(required = false) String code, RedirectAttributes redirect) {
        Actor me = Actors.require();
        points.find(id, me); // another area's point is not found
        try {
            Reservation r = reservations.collect(id, code, me);
            redirect.addFlashAttribute("collected", r);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        } catch (NotFoundException e) { // the point is there: the code is not (unknown, used, not today)
            PageForms.flash(new FieldException("code", "masks.noSuchReservation"), redirect);
        }
        return "redirect:/masks/points/" + id;
    }
}
