package org.fangkong.masks.web;

import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.PageForms;
import org.fangkong.masks.MedicineRegister;
import org.fangkong.masks.MedicineSale;
import org.fangkong.masks.MedicineSuspensions;
import org.fangkong.masks.PickupPoint;
import org.fangkong.masks.PickupPoints;
import org.springframework.context.annotation.Bean;
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
 * The fever medicine register on a phone: the pharmacy's counter page (record a buyer, the latest
 * buyers; the city's suspension instead of the form while it holds) and the villages' follow-up list
 * (with the city's suspension switch for those who may set it).
 */
@Controller
class MedicinePageController {

    private final MedicineRegister register;
    private final MedicineSuspensions suspensions;
    private final PickupPoints points;

    MedicinePageController(MedicineRegister register, MedicineSuspensions suspensions, PickupPoints points) {
        this.register = register;
        this.suspensions = suspensions;
        this.points = points;
    }

    @Bean
    static NavItem medicineNavItem() {
        return new NavItem("nav.medicine", "/medicine", 41, Set.of(Role.GRID_WORKER, Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @GetMapping("/medicine/points/{id}")
    String counter(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        PickupPoint point = points.find(id, me);
        model.addAttribute("point", point);
        model.addAttribute("suspension", suspensions.forPlace(point.jurisdictionCode()).orElse(null));
        model.addAttribute("sales", register.atPoint(id, me));
        model.addAttribute("symptoms", MedicineSale.Symptom.values());
        return "masks/medicine-point";
    }

    @PostMapping("/medicine/points/{id}")
    String record(@PathVariable long id, @ModelAttribute MedicineSale.Form form, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                MedicineSale s = register.record(id, form, Actors.require());
                redirect.addFlashAttribute("notice", "medicine.recorded");
                redirect.addFlashAttribute("noticeArg", s.name() + " · " + s.villageName());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
                redirect.addFlashAttribute("typed", form);
            }
        }
        return "redirect:/medicine/points/" + id;
    }

    @GetMapping("/medicine")
    String followUps(@RequestParam(defaultValue = "true") boolean open, Model model) {
        Actor me = Actors.require();
        model.addAttribute("open", open);
        model.addAttribute("sales", register.followUps(open, me));
        model.addAttribute("outcomes", MedicineSale.Outcome.values());
        model.addAttribute("mayWrite", !me.is(Role.COMMANDER));
        model.addAttribute("suspensions", suspensions.list(me));
        model.addAttribute("maySuspend", me.is(Role.OFFICER) || me.is(Role.COMMANDER) || me.is(Role.ADMIN));
        return "masks/medicine";
    }

    @PostMapping("/medicine/{id}/follow-up")
    String followUp(@PathVariable long id, @RequestParam(required = false) String outcome,
                    @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            register.followUp(id, outcome, note, Actors.require());
            redirect.addFlashAttribute("notice", "medicine.followedUp");
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/medicine";
    }

    @PostMapping("/medicine/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("revealed", register.reveal(id, reason, Actors.require()));
            redirect.addFlashAttribute("revealedId", id);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/medicine";
    }

    @PostMapping("/medicine/suspensions")
    String suspend(@RequestParam(required = false) String city, @RequestParam(required = false) String note,
                   RedirectAttributes redirect) {
        try {
            MedicineSuspensions.Suspension s = suspensions.suspend(city, note, Actors.require());
            redirect.addFlashAttribute("notice", "medicine.suspended");
            redirect.addFlashAttribute("noticeArg", s.cityName());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/medicine";
    }

    @PostMapping("/medicine/suspensions/{city}/lift")
    String lift(@PathVariable String city, RedirectAttributes redirect) {
        try {
            suspensions.lift(city, Actors.require());
            redirect.addFlashAttribute("notice", "medicine.lifted");
            redirect.addFlashAttribute("noticeArg", city);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/medicine";
    }
}
