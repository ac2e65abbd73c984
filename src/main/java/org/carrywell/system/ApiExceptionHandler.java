package org.carrywell.system;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API ({@code @RestController}s) as an RFC 9457 problem detail. Page controllers
 * are not affected: their errors go to the error pages.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex, HttpServletRequest request) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidParameters(InvalidParametersException ex, HttpServletRequest request) {
		var response = problem(HttpStatus.BAD_REQUEST, ex.getMessage(), request);
		response.getBody().setProperty("errors", ex.parameters());
		return response;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error answering {}", request.getRequestURI(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again.",
				request);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail,
			HttpServletRequest request) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
