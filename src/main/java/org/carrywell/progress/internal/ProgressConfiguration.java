package org.carrywell.progress.internal;

import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

	/**
	 * The queue's depth for the operator, read from the database at each scrape (every node shows the same
	 * figures): waiting, being sent now, and set aside in doubt after a node stopped mid-send.
	 */
	@Bean
	MeterBinder reminderQueueDepth(ReminderQueue queue) {
		return registry -> {
			for (var status : List.of(ReminderQueue.Status.QUEUED, ReminderQueue.Status.SENDING, ReminderQueue.Status.IN_DOUBT)) {
				Gauge.builder("carrywell.queue.depth", () -> queue.count(status))
					.description("Messages in a queue by status")
					.tag("queue", "reminders")
					.tag("status", status.name().toLowerCase(Locale.ROOT))
					.register(registry);
			}
		};
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "carrywell.reminders.enabled", matchIfMissing = true)
	ReminderSchedule reminderSchedule(ReminderWorker worker) {
		return new ReminderSchedule(worker);
	}

	/** Every minute (by default): queue what fell due, send what is due. */
	static class ReminderSchedule {

		private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

		private final ReminderWorker worker;

		ReminderSchedule(ReminderWorker worker) {
			this.worker = worker;
		}

		// One node at a time (not final: the lock is a proxy); a node that dies mid-run holds it until
		// lockAtMostFor ends. Each reminder is claimed by a conditional update, so even an overlap sends none twice.
		@Scheduled(fixedDelayString = "${carrywell.reminders.interval:1m}", initialDelayString = "${carrywell.reminders.interval:1m}")
		@SchedulerLock(name = "reminders", lockAtMostFor = "${carrywell.reminders.lock-at-most-for:PT2M}")
		void run() {
			try {
				worker.run();
			}
			catch (RuntimeException failure) {
				// The queue is in the database: nothing is lost, the next run carries on. Keep the schedule alive.
				log.error("Reminder run failed", failure);
			}
		}

	}

}
