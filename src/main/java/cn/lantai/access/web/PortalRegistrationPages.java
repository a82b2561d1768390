package cn.lantai.access.web;

import java.time.LocalDate;
import java.util.Locale;

import cn.lantai.access.IdType;
import cn.lantai.access.NewVisitor;
import cn.lantai.access.Purpose;
import cn.lantai.access.ReadingRoom;
import cn.lantai.access.AccessProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registration in advance on the public portal ({@code /portal/register}, no sign-in, with a CSRF token): name, ID
 * document, phone, unit, purpose and the planned day. The confirmation shows nothing personal but the masked number,
 * and asks the person to bring the document; the desk finds them by its number.
 */
@Controller
class PortalRegistrationPages {

    private final ReadingRoom room;
    private final MessageSource messages;

    PortalRegistrationPages(ReadingRoom room, MessageSource messages) {
        this.room = room;
        this.messages = messages;
    }

    @GetMapping("/portal/register")
    String form(Model model) {
        return render(model);
    }

    @PostMapping("/portal/register")
    String register(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) IdType idType,
            @RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String unit, @RequestParam(required = false) Purpose purpose,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            String masked = room.preRegister(new NewVisitor(name, idType, idNumber, phone, unit), purpose, plannedOn,
                    request.getRemoteAddr());
            redirect.addFlashAttribute("masked", masked);
            redirect.addFlashAttribute("plannedOn", plannedOn);
            return "redirect:/portal/register/done";
        } catch (AccessProblem e) {
            model.addAttribute("problem", AccessProblems.message(messages, e, locale));
            model.addAttribute("given", new NewVisitor(name, idType, idNumber, phone, unit));
            model.addAttribute("purpose", purpose);
            model.addAttribute("plannedOn", plannedOn);
            return render(model);
        }
    }

    @GetMapping("/portal/register/done")
    String done(Model model) {
        if (!model.containsAttribute("masked")) {
            return "redirect:/portal/register";
        }
        return "portal-register-done";
    }

    private String render(Model model) {
        model.addAttribute("idTypes", IdType.values());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("today", room.today());
        model.addAttribute("lastDay", room.today().plusDays(ReadingRoom.PLAN_AHEAD_DAYS));
        return "portal-register";
    }
}
