package org.carrywell.system;

import java.util.Locale;
import java.util.function.ToIntFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The operator's metric of a mail queue: {@code carrywell.queue.depth} by queue and status, read from the database
 * at each scrape, so that every node shows the same figures. The statuses are waiting, being sent now, and set
 * aside in doubt after a node stopped mid-send.
 */
public final class QueueDepth {

	/** The statuses shown, as each queue names them. */
	public static final String[] STATUSES = { "QUEUED", "SENDING", "IN_DOUBT" };

	private QueueDepth() {
	}

	/** @param countByStatus how many messages of the queue are in a status, by the status's name */
	public static MeterBinder of(String queue, ToIntFunction<String> countByStatus) {
		return registry -> {
			for (String status : STATUSES) {
				Gauge.builder("carrywell.queue.depth", () -> countByStatus.applyAsInt(status))
					.description("Messages in a queue by status")
					.tag("queue", queue)
					.tag("status", status.toLowerCase(Locale.ROOT))
					.register(registry);
			}
		};
	}

}
