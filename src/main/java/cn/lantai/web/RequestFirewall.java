package cn.lantai.web;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own rules for header and parameter names and header values, checked
 * by a loop over the characters instead of its regular expressions. The rules are the same (every character assigned
 * in Unicode and none a control character; a tab allowed in a header value): a search takes ten parameters, each
 * looked up through the firewall, and matching the expression on each name was a tenth of a 档号 lookup's time.
 */
final class RequestFirewall {

    private RequestFirewall() {
    }

    static StrictHttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(RequestFirewall::assignedAndNoControl);
        firewall.setAllowedParameterNames(RequestFirewall::assignedAndNoControl);
        firewall.setAllowedHeaderValues(RequestFirewall::headerValue);
        return firewall;
    }

    /** Every code point assigned in Unicode and not a control character (Cc). */
    static boolean assignedAndNoControl(String s) {
        return allowed(s, false);
    }

    /** As {@link #assignedAndNoControl}, a tab allowed besides. */
    static boolean headerValue(String s) {
        return allowed(s, true);
    }

    private static boolean allowed(String s, boolean tab) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue; // printable ASCII: the common case, assigned and no control character
            }
            int cp = s.codePointAt(i);
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && cp == '\t')) {
                return false;
            }
        }
        return true;
    }
}
