package org.carrywell.system;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The one way out for every e-mail the site sends (newsletter and account messages alike). */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	/** SMTP when {@code spring.mail.host} is set (Spring Boot then provides a sender), the outbox folder otherwise. */
	@Bean
	MailTransport mailTransport(ObjectProvider<JavaMailSender> smtp,
			@Value("${carrywell.mail.outbox:./data/outbox}") Path outbox, Clock clock) {
		JavaMailSender sender = smtp.getIfAvailable();
		if (sender != null) {
			return new SmtpTransport(sender);
		}
		log.info("No SMTP server configured (spring.mail.host): e-mails are written to {}",
				outbox.toAbsolutePath().normalize());
		return new OutboxTransport(outbox, clock);
	}

}
