package org.carrywell.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Pages whose request cannot even be bound: an id in the path that is not of the right type names nothing that
 * exists (a 404 page); a query or form parameter of the wrong type or missing gets the 400 page naming it.
 * The JSON API answers the same cases with problem details ({@link ApiExceptionHandler}, consulted first).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	@ExceptionHandler
	String typeMismatch(MethodArgumentTypeMismatchException ex, Model model, HttpServletResponse response) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("status", HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		return badParameter(ex.getName(), model, response);
	}

	@ExceptionHandler
	String missingParameter(MissingServletRequestParameterException ex, Model model, HttpServletResponse response) {
		return badParameter(ex.getParameterName(), model, response);
	}

	@ExceptionHandler
	String invalidParameters(InvalidParametersException ex, Model model, HttpServletResponse response) {
		return badParameter(ex.parameters().get(0).parameter(), model, response);
	}

	private static String badParameter(String name, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
		model.addAttribute("invalidParameter", name);
		return "error/4xx";
	}

}
