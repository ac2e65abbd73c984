package org.carrywell.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Something a request named does not exist. Pages answer with the 404 page, the JSON API with a 404
 * problem detail.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, String id) {
		super("No " + what + " with id '" + id + "'");
	}

}
