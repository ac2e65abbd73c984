package org.carrywell.sessions.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.Exercise;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.RuleHit;
import org.carrywell.safety.ScreeningOutcome;

/**
 * The exercises of one session as the engine allowed them for her on the day: each with its dose, the cautions
 * that apply to her, and the easier variant "make it easier" may switch to (only one the engine allows for her).
 *
 * @param age her week today, at its latest: what the exercise rules judged by
 * @param earliestAge her week today, at its earliest: what the warning signs are judged by (the cautious reading
 * for the signs that are more urgent before week 37)
 * @param planQuery the plan's address, to go back to it; empty for a library session
 * @param day the plan's day, 0 for a library session
 * @param screening her screening as of today: CLEARANCE_NEEDED shows the reminder before the session
 */
public record SessionContent(List<Entry> entries, GestationalAge age, GestationalAge earliestAge, String planQuery,
		int day, ScreeningOutcome screening) {

	public SessionContent {
		entries = List.copyOf(entries);
	}

	/**
	 * @param cautions rules that allow it only with something she must be told (e.g. short holds only)
	 * @param easier the nearest easier variant the engine allows her, or null
	 */
	public record Entry(Exercise exercise, Dose dose, List<RuleHit> cautions, @Nullable Entry easier) {

		public Entry {
			cautions = List.copyOf(cautions);
		}

		/** What the exercise file says for her trimester; empty when nothing. */
		public String trimesterNote(GestationalAge age) {
			return exercise.trimesterNotes().getOrDefault(age.trimester(), "");
		}

	}

	public int totalSeconds() {
		return entries.stream().mapToInt(entry -> entry.dose().durationSeconds()).sum();
	}

}
