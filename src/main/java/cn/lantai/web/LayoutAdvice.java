package cn.lantai.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page of the workbench's layout needs in its model, whichever module's controller renders it. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    @ModelAttribute("here")
    CurrentUrl here(HttpServletRequest request) {
        return CurrentUrl.of(request);
    }
}
