package cn.lantai.exhibition.web;

import java.time.Instant;
import java.util.Locale;

import cn.lantai.exhibition.ExhibitionProblem;
import cn.lantai.exhibition.PublicExhibition;
import cn.lantai.exhibition.PublicExhibitions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The exhibitions on the public portal (no sign-in): the published ones, and one exhibition's page with the exhibits
 * the public may read now. Each view of a page counts a visit (once per visitor and day; a prefetch does not count).
 * Whatever is not published answers the portal's one "not found" page with 404.
 *
 * <p>The visitor's address is {@link HttpServletRequest#getRemoteAddr()} as the servlet container leaves it: behind a
 * reverse proxy the deployment sets {@code server.forward-headers-strategy} ({@code native} or {@code framework}), so
 * Boot's forwarded-header handling has already put the client's address there. The rate limiter's own resolution
 * ({@code lantai.access.rate-limits.trusted-proxies}) lives in the access module, which exhibition does not depend on;
 * without that setting every visitor behind the proxy is the proxy's address and counts once a day.
 */
@Controller
class PortalExhibitionPages {

    private final PublicExhibitions exhibitions;

    PortalExhibitionPages(PublicExhibitions exhibitions) {
        this.exhibitions = exhibitions;
    }

    @GetMapping("/portal/exhibitions")
    String list(Model model) {
        model.addAttribute("exhibitions", exhibitions.published());
        return "portal-exhibitions";
    }

    @GetMapping("/portal/exhibitions/{address}")
    String exhibition(@PathVariable String address, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        PublicExhibition shown;
        try {
            shown = exhibitions.exhibition(address);
        } catch (ExhibitionProblem e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal-missing";
        }
        boolean prefetch = prefetch(request.getHeader("Purpose")) || prefetch(request.getHeader("Sec-Purpose"))
                || prefetch(request.getHeader("X-Moz"));
        exhibitions.countVisit(shown.id(), request.getRemoteAddr(), request.getHeader("User-Agent"), prefetch,
                Instant.now());
        model.addAttribute("exhibition", shown);
        model.addAttribute("preview", false);
        return "portal-exhibition";
    }

    /** A browser fetching ahead of a click says so (Purpose, Sec-Purpose, X-Moz: prefetch). */
    private static boolean prefetch(String header) {
        return header != null && header.toLowerCase(Locale.ROOT).contains("prefetch");
    }
}
