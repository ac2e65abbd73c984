package org.carrywell.system;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Production delivery through Spring Mail's SMTP client ({@code spring.mail.*}). */
final class SmtpTransport implements MailTransport {

	private final JavaMailSender sender;

	SmtpTransport(JavaMailSender sender) {
		this.sender = sender;
	}

	@Override
	public void send(MimeMessage message) {
		sender.send(message);
	}

}
