package org.carrywell.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import org.carrywell.progress.internal.WarningSignStore;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.Symptom;
import org.carrywell.safety.Urgency;

/**
 * A member's warning-sign checks, kept in her account: what she ticked, when, and the urgency the rules gave it,
 * so that she and the people she shares with see every warning sign she reported. A check with nothing ticked
 * keeps nothing.
 */
@Component
public class WarningSignLog {

	/** One check as kept. */
	public record Check(Instant at, @Nullable Integer weeks, Urgency urgency, List<Symptom> symptoms) {

		public Check {
			symptoms = List.copyOf(symptoms);
		}

	}

	private final WarningSignStore store;

	private final Clock clock;

	WarningSignLog(WarningSignStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Keeps her check now (the same signs again within minutes are the same check). */
	public void record(UUID member, Collection<Symptom> symptoms, Urgency urgency, @Nullable GestationalAge age) {
		if (symptoms.isEmpty()) {
			return;
		}
		store.record(member, new WarningSignStore.Check(clock.instant(), age == null ? null : age.weeks(),
				urgency.name(), symptoms.stream().map(Symptom::name).toList()));
	}

	/** Her checks from {@code from} to {@code to} (days in the server's zone), oldest first. */
	public List<Check> between(UUID member, LocalDate from, LocalDate to) {
		var zone = clock.getZone();
		return store.between(member, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant())
			.stream()
			.map(check -> new Check(check.at(), check.weeks(), Urgency.valueOf(check.urgency()),
					check.symptoms().stream().map(Symptom::valueOf).toList()))
			.toList();
	}

}
