package cn.lantai.search.web;

import java.util.Arrays;
import java.util.Locale;

import cn.lantai.catalog.Retention;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchQueryRejected;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Reading the search APIs' query parameters, the one way for the staff's and the public's search: a number, sort or
 * retention that cannot be read is a {@link SearchQueryRejected}, and that (as every limit {@link SearchQuery} sets)
 * answers 400 with what was wrong and what is allowed, in the reader's language.
 */
@Order(Ordered.HIGHEST_PRECEDENCE) // before the shell's generic handler of IllegalArgumentException
@RestControllerAdvice(assignableTypes = {SearchController.class, PublicSearchController.class})
class SearchParameters {

    private final MessageSource messages;

    SearchParameters(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(SearchQueryRejected.class)
    ProblemDetail rejected(SearchQueryRejected e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.code(), e.args(), e.code(), locale));
    }

    static Integer number(String name, String text, Integer absent) {
        if (blank(text) == null) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new SearchQueryRejected("search.not-a-number", name, shown(text));
        }
    }

    static SearchQuery.Sort sort(String text) {
        if (blank(text) == null) {
            return SearchQuery.Sort.RELEVANCE;
        }
        for (SearchQuery.Sort s : SearchQuery.Sort.values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new SearchQueryRejected("search.unknown-sort", shown(text),
                String.join(", ", Arrays.stream(SearchQuery.Sort.values()).map(Enum::name).toList()));
    }

    /** The retention code for a code or a Chinese name (永久, 定期30年 …), or null when none is asked for. */
    static String retention(String text) {
        return blank(text) == null ? null : Retention.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("retention " + shown(text))).code();
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A bad value as a message quotes it: never a whole page of it. */
    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
