package org.carrywell.system;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem details, built the same way by every API controller. */
public final class ApiProblems {

	private ApiProblems() {
	}

	public static ResponseEntity<ProblemDetail> of(HttpStatus status, String detail, HttpServletRequest request) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** A 400 that names every bad parameter or field in {@code errors}. */
	public static ResponseEntity<ProblemDetail> invalid(List<InvalidParameter> parameters, HttpServletRequest request) {
		var response = of(HttpStatus.BAD_REQUEST,
				parameters.stream().map(InvalidParameter::detail).collect(Collectors.joining(" ")), request);
		response.getBody().setProperty("errors", parameters);
		return response;
	}

}
