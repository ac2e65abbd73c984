package org.carrywell.system;

import jakarta.mail.internet.MimeMessage;

/** Hands a finished message on: to an SMTP server in production, to a folder of {@code .eml} files otherwise. */
public interface MailTransport {

	/** Returns only when the message is accepted; throws when it certainly was not. */
	void send(MimeMessage message);

}
