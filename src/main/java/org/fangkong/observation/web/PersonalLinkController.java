package org.fangkong.observation.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.Temperature;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.observation.ObservationOrder;
import org.fangkong.observation.ObservationOrders;
import org.fangkong.observation.Reading;
import org.fangkong.observation.Readings;
import org.fangkong.observation.Symptom;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's own page (/o/{token}, no login): their order only, masked, and today's reading.
 * An unknown or ended link is a plain 404 page.
 */
@Controller
class PersonalLinkController {

    private final ObservationOrders orders;
    private final Readings readings;

    PersonalLinkController(ObservationOrders orders, Readings readings) {
        this.orders = orders;
        this.readings = readings;
    }

    @GetMapping("/o/{token}")
    String page(@PathVariable String token, HttpServletResponse response, Model model) {
        Optional<ObservationOrder> order = orders.byLink(token);
        if (order.isEmpty()) {
            response.setStatus(404);
            return "observation/link-unknown";
        }
        model.addAttribute("order", order.get());
        model.addAttribute("token", token);
        model.addAttribute("symptoms", Symptom.values());
        return "observation/link";
    }

    @PostMapping("/o/{token}")
    String record(@PathVariable String token, @RequestParam(required = false) String temperature,
                  @RequestParam(required = false) List<String> symptoms, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        try {
            Reading r = readings.recordByLink(token, Temperature.parseOrNull(temperature), symptoms);
            redirect.addFlashAttribute("saved", r);
            return "redirect:/o/" + token;
        } catch (InvalidValueException | FieldException e) {
            String key = e instanceof FieldException f ? f.messageKey() : ((InvalidValueException) e).messageKey();
            Optional<ObservationOrder> order = orders.byLink(token);
            if (order.isEmpty()) {
                response.setStatus(404);
                return "observation/link-unknown";
            }
            response.setStatus(400);
            model.addAttribute("order", order.get());
            model.addAttribute("token", token);
            model.addAttribute("symptoms", Symptom.values());
            model.addAttribute("typed", temperature);
            model.addAttribute("errorKey", key);
            return "observation/link";
        } catch (NotFoundException e) {
            response.setStatus(404);
            return "observation/link-unknown";
        }
    }
}
