package org.carrywell.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: every message becomes an {@code .eml} file in the outbox folder (any mail program opens
 * it) and a log line, so the whole newsletter works, and can be tried by hand, without a mail server. Files
 * are written under a temporary name and moved into place, so a reader never sees half a message.
 */
final class OutboxTransport implements MailTransport {

	private static final Logger log = LoggerFactory.getLogger(OutboxTransport.class);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	private final Path folder;

	private final Clock clock;

	private final AtomicLong sequence = new AtomicLong();

	OutboxTransport(Path folder, Clock clock) {
		this.folder = folder;
		this.clock = clock;
	}

	@Override
	public void send(MimeMessage message) {
		try {
			Files.createDirectories(folder);
			message.saveChanges();
			String name = FILE_TIME.format(clock.instant()) + "-" + ProcessHandle.current().pid() + "-"
					+ sequence.incrementAndGet() + ".eml";
			Path partial = Files.createTempFile(folder, "writing-", ".part");
			try (OutputStream out = Files.newOutputStream(partial)) {
				message.writeTo(out);
			}
			Path file = Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
			log.info("Mail to {} written to {} (subject: {})", Arrays.toString(recipients(message)), file,
					message.getSubject());
		}
		catch (IOException failed) {
			throw new UncheckedIOException("Could not write to the outbox " + folder, failed);
		}
		catch (MessagingException failed) {
			throw new IllegalStateException("Could not write a message to the outbox", failed);
		}
	}

	private static Address[] recipients(MimeMessage message) throws MessagingException {
		Address[] recipients = message.getAllRecipients();
		return recipients == null ? new Address[0] : recipients;
	}

}
