package cn.lantai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class RequestFirewallTest {

    @Test
    void everyCharacterIsJudgedAsSpringSecuritysOwnRulesJudgeIt() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = "q" + Character.toString(cp) + "题";
            assertEquals(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(s), RequestFirewall.assignedAndNoControl(s),
                    () -> "name with U+" + Integer.toHexString(s.codePointAt(1)));
            assertEquals(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(s), RequestFirewall.headerValue(s),
                    () -> "header value with U+" + Integer.toHexString(s.codePointAt(1)));
        }
        for (String s : List.of("", "档号", "\uD800", "a\uDC00b", "\uD83D\uDE00", "a\tb", "\u0085", "\u007f")) {
            assertEquals(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(s), RequestFirewall.assignedAndNoControl(s), s);
            assertEquals(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(s), RequestFirewall.headerValue(s), s);
        }
    }

    @Test
    void aParameterOrHeaderWithAControlCharacterIsRefusedWhenReadAndAPlainOneIsNot() {
        StrictHttpFirewall firewall = RequestFirewall.strict();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/search");
        request.addParameter("q", "社会保险 批复");
        request.addParameter("bad\u0007name", "x");
        request.addHeader("X-Note", "a\u0000b");
        request.addHeader("X-Fine", "a\tb 档案");
        var firewalled = firewall.getFirewalledRequest(request);
        assertEquals("社会保险 批复", firewalled.getParameter("q"));
        assertEquals("a\tb 档案", firewalled.getHeader("X-Fine"));
        assertThrows(RequestRejectedException.class, () -> firewalled.getParameter("bad\u0007name"));
        assertThrows(RequestRejectedException.class, () -> firewalled.getHeader("X-Note"));
        assertFalse(RequestFirewall.assignedAndNoControl("\u0378")); // unassigned
        assertTrue(RequestFirewall.assignedAndNoControl("0001-WS·2024-Y-BGS-0001"));
    }
}
