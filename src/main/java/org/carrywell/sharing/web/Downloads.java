package org.carrywell.sharing.web;

import java.time.LocalDate;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Her report and her FHIR file as downloads: named by the day, and never stored by a browser or a proxy. */
final class Downloads {

	static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	private Downloads() {
	}

	static ResponseEntity<byte[]> pdf(byte[] body, LocalDate day) {
		return download(body, MediaType.APPLICATION_PDF, "carrywell-report-" + day + ".pdf");
	}

	static ResponseEntity<byte[]> fhir(byte[] body, LocalDate day) {
		return download(body, FHIR_JSON, "carrywell-fhir-" + day + ".json");
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
