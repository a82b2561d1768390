package cn.lantai.web;

import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.identity.IdentityProblem;
import cn.lantai.jobs.JobNotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The workbench's pages answer a missing record or a malformed address with a page in the layout, not a problem
 * document; {@link ProblemHandler} comes first for the API's controllers. A record the viewer may not see is "not
 * found", as in the API.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler({ItemNotFound.class, JobNotFound.class})
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(HttpStatus.NOT_FOUND, request, response, model);
    }

    @ExceptionHandler(NotPermitted.class)
    String notPermitted(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(HttpStatus.FORBIDDEN, request, response, model);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, BindException.class, IllegalArgumentException.class,
            IdentityProblem.class})
    String badRequest(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(HttpStatus.BAD_REQUEST, request, response, model);
    }

    private static String page(HttpStatus status, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        // the model of an exception handler starts empty: the layout's parts are added here
        model.addAttribute("here", CurrentUrl.of(request));
        return "error";
    }
}
