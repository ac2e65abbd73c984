package org.carrywell.progress.internal;

import io.micrometer.core.instrument.binder.MeterBinder;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import org.carrywell.system.QueueDepth;

@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

	/** The queue's depth for the operator (docs/operations.md). */
	@Bean
	MeterBinder reminderQueueDepth(ReminderQueue queue) {
		return QueueDepth.of("reminders", status -> queue.count(ReminderQueue.Status.valueOf(status)));
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
