package org.carrywell.progress.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "carrywell.reminders.enabled", matchIfMissing = true)
	ReminderSchedule reminderSchedule(ReminderWorker worker) {
		return new ReminderSchedule(worker);
	}

	/** Every minute (by default): queue what fell due, send what is due. */
	static final class ReminderSchedule {

		private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

		private final ReminderWorker worker;

		ReminderSchedule(ReminderWorker worker) {
			this.worker = worker;
		}

		@Scheduled(fixedDelayString = "${carrywell.reminders.interval:1m}", initialDelayString = "${carrywell.reminders.interval:1m}")
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
