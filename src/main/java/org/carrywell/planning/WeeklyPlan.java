package org.carrywell.planning;

import java.util.List;
import java.util.Set;

import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.PainArea;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.RuleHit;

/**
 * A week of sessions, with the reason for every item and for everything left out.
 *
 * @param sessions empty when exercise is not advised
 * @param leftOut every exercise the plan could not use, and why
 * @param minutesPerSession the time each session was made for (what she asked, or less for a first plan)
 * @param sessionsPerWeek how many sessions were made (what she asked, or fewer for a first plan)
 * @param changes what this week's plan changed after her last sessions, each with its learning rule (empty without
 * history)
 * @param setAside exercises the engine allows her that this week's plan sets aside: left out at her provider's
 * request, or rested by the learning rules. No way into a session offers them ("make it easier", the easiest version
 * after strong pain) while they are.
 */
public record WeeklyPlan(Status status, GestationalAge age, List<Session> sessions, List<LeftOut> leftOut,
		List<Note> notes, int minutesPerSession, int sessionsPerWeek, List<LearnedWeek.Change> changes,
		Set<ExerciseId> setAside) {

	public WeeklyPlan {
		sessions = List.copyOf(sessions);
		leftOut = List.copyOf(leftOut);
		notes = List.copyOf(notes);
		changes = List.copyOf(changes);
		setAside = Set.copyOf(setAside);
	}

	public enum Status {

		/** Screening cleared: start gently. */
		READY,
		/** A plan, shown as "talk to your provider before you start". */
		CLEARANCE_NEEDED,
		/** No plan: talk to your provider first. */
		NOT_ADVISED

	}

	/**
	 * @param day 1 (Monday) to 7
	 * @param focus the pain areas this session must target
	 * @param items grouped by position, so that she gets down to the floor at most once
	 * @param fillsItsTime whether it fills at least 85 % of its time; when not, the page says why (more exercises
	 * would not serve her better) and suggests a walk for the rest
	 */
	public record Session(int day, List<PainArea> focus, List<Item> items, boolean fillsItsTime) {

		public Session {
			focus = List.copyOf(focus);
			items = List.copyOf(items);
		}

		public int totalSeconds() {
			return items.stream().mapToInt(Item::seconds).sum();
		}

		/** How many times she gets down to the floor and up again. */
		public int floorTrips() {
			int trips = 0;
			boolean onTheFloor = false;
			for (Item item : items) {
				boolean floor = item.exercise().position().onTheFloor();
				if (floor && !onTheFloor) {
					trips++;
				}
				onTheFloor = floor;
			}
			return trips;
		}

	}

	/**
	 * @param seconds the time it takes in the session, on the 15-second grid (a few seconds to move on included)
	 * @param cautions rules that allow it for her only with a condition she must be told (e.g. short holds only)
	 */
	public record Item(Exercise exercise, Dose dose, int seconds, List<Reason> reasons, List<RuleHit> cautions) {

		public Item {
			reasons = List.copyOf(reasons);
			cautions = List.copyOf(cautions);
		}

	}

	/**
	 * Why an item is there.
	 *
	 * @param detail a vocabulary id or number the reason is about (a pain area, a cause, a trimester), or empty
	 */
	public record Reason(ReasonKind kind, String detail) {
	}

	public enum ReasonKind {

		/** Breathing to arrive. */
		ARRIVE,
		/** Relaxation or breathing to finish. */
		FINISH,
		/** Targets a pain area (detail: the area). */
		TARGETS,
		/** Addresses a cause of back pain (detail: the cause). */
		ADDRESSES,
		/** Suits her trimester (detail: the trimester number). */
		SUITS_TRIMESTER,
		/** Her provider asked for it. */
		PINNED,
		/** Fewer sets, because pain is strong or rose. */
		GENTLER,
		/** The easier or harder link, after last week's feedback (detail: the exercise it replaces). */
		ADJUSTED,
		/** More sets or a longer hold, because the session is longer: more minutes never buy more exercises. */
		LONGER,
		/** Changed by the learning rules after her last sessions (detail: the rule and the step, as RULE:STEP). */
		LEARNED

	}

	/** @param byProvider left out because her provider asked, not by a safety rule */
	public record LeftOut(Exercise exercise, List<RuleHit> hits, List<Exercise> alternatives, boolean byProvider) {

		public LeftOut {
			hits = List.copyOf(hits);
			alternatives = List.copyOf(alternatives);
		}

	}

	public record Note(NoteKind kind, String detail) {
	}

	public enum NoteKind {

		/** Talk to your provider before you start (screening). */
		CLEARANCE_NEEDED,
		/** Exercise is not advised now (screening). */
		NOT_ADVISED,
		/** No allowed exercise targets this area (detail: the area). */
		AREA_NOT_COVERED,
		/** A pinned exercise the safety rules do not allow (detail: its id). */
		PINNED_NOT_ALLOWED,
		/**
		 * A pinned exercise the learning rules rest this week because she marked it painful twice (detail: its id);
		 * it comes back when the rest ends.
		 */
		PINNED_RESTED,
		/** Pain is strong: the plan is gentler. */
		GENTLE,
		/**
		 * A first plan is kept small by how active she was (detail: the prior activity id, or empty when she did
		 * not say); the plan's minutes and sessions say what it was made for.
		 */
		FIRST_PLAN_CAPPED

	}

}
