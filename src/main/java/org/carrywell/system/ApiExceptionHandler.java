package org.carrywell.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

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
		return ApiProblems.of(HttpStatus.NOT_FOUND, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidParameters(InvalidParametersException ex, HttpServletRequest request) {
		return ApiProblems.invalid(ex.parameters(), request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error answering {}", request.getRequestURI(), ex);
		return ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again.",
				request);
	}

	/** Malformed JSON, or a value of the wrong type: say which field, never a 500. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var servletRequest = ((ServletWebRequest) request).getRequest();
		JacksonException json = jsonCause(ex);
		// Without a path in the JSON, the body as a whole is what is wrong: it is named as the field "body".
		String field = json == null || json.getPath().isEmpty() ? "body" : path(json.getPath());
		if ("body".equals(field)) {
			var invalid = new InvalidParameter(field, "", "The request body is missing or is not valid JSON.", List.of());
			return ResponseEntity.badRequest()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ApiProblems.invalid(List.of(invalid), servletRequest).getBody());
		}
		var invalid = new InvalidParameter(field, "", "Field '" + field + "' has a value of the wrong type.", List.of());
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ApiProblems.invalid(List.of(invalid), servletRequest).getBody());
	}

	private static @Nullable JacksonException jsonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

	/** A JSON path as a person writes it: {@code answers.ANAEMIA}, {@code symptoms[2]}. */
	private static String path(List<JacksonException.Reference> references) {
		var path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
