package cn.lantai.identity.web;

import java.util.Locale;
import java.util.function.Supplier;

import cn.lantai.identity.IdentityProblem;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' forms end one way: do the work, go back, and say what was done or why it was refused. */
final class AdminOutcome {

    private AdminOutcome() {
    }

    /** Does the work and goes back, saying what it did (a message key) or why it was refused. */
    static String act(MessageSource messages, RedirectAttributes redirect, Locale locale, Supplier<String> work,
            String back) {
        try {
            redirect.addFlashAttribute("flash", work.get());
        } catch (IdentityProblem e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e.code(), e.args(), locale));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", messages.getMessage("problem.bad-request",
                    new Object[] {e.getMessage()}, locale));
        }
        return back;
    }
}
