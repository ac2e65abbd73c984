package org.carrywell.accounts.web;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a member's sessions on every device: they are found by the principal-name index of the session table (her
 * address is the principal's name).
 */
@Component
class MemberSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	MemberSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	void endAll(String email) {
		endAllBut(email, "");
	}

	/** Every session of hers except {@code keep} (the one she is using), e.g. after she changed her password. */
	void endAllBut(String email, String keep) {
		sessions.findByPrincipalName(email)
			.keySet()
			.stream()
			.filter(id -> !id.equals(keep))
			.forEach(sessions::deleteById);
	}

}
