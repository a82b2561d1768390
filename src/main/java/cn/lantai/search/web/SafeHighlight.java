package cn.lantai.search.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Makes a highlighted fragment from the index safe to put into a page as HTML. The engines escape the text and mark
 * matches with {@code <em>}; this does not rely on it: every piece of text between the marks is unescaped and escaped
 * again, so only the marks themselves can ever reach the page as markup.
 */
final class SafeHighlight {

    private static final Pattern MARK = Pattern.compile("</?em>");

    private SafeHighlight() {
    }

    static String html(String fragment) {
        if (fragment == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = MARK.matcher(fragment);
        int at = 0;
        boolean open = false;
        while (m.find()) {
            out.append(text(fragment.substring(at, m.start())));
            boolean opening = m.group().equals("<em>");
            if (opening != open) {
                out.append(opening ? "<mark>" : "</mark>");
                open = opening;
            }
            at = m.end();
        }
        out.append(text(fragment.substring(at)));
        if (open) {
            out.append("</mark>");
        }
        return out.toString();
    }

    private static String text(String escaped) {
        return HtmlUtils.htmlEscape(HtmlUtils.htmlUnescape(escaped), "UTF-8");
    }
}
