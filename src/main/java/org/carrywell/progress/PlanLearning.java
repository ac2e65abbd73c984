package org.carrywell.progress;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.planning.History;
import org.carrywell.planning.LearnedWeek;
import org.carrywell.planning.Learning;
import org.carrywell.planning.PlanRequest;
import org.carrywell.progress.internal.DiaryStore;
import org.carrywell.progress.internal.LearnedWeekStore;
import org.carrywell.progress.internal.SessionResultStore;
import org.carrywell.safety.ScreeningOutcome;

/**
 * A member's plan learns from her history: this week's decisions are made once, the first time her plan is
 * opened in the week (from her sessions and diary up to then, and last week's decisions), and kept; she may ask
 * for them to be made again from everything up to now. Either way they are at most one step from the week
 * before's (the rules are {@link Learning}'s).
 */
@Component
public class PlanLearning {

	/** How far back her history is read: the longest window a rule looks at, and a week more for the trend. */
	static final int HISTORY_DAYS = Learning.PAINFUL_DAYS + 14;

	private final Catalogue catalogue;

	private final SessionResultStore sessions;

	private final DiaryStore diary;

	private final LearnedWeekStore weeks;

	private final Clock clock;

	PlanLearning(Catalogue catalogue, SessionResultStore sessions, DiaryStore diary, LearnedWeekStore weeks,
			Clock clock) {
		this.catalogue = catalogue;
		this.sessions = sessions;
		this.diary = diary;
		this.weeks = weeks;
		this.clock = clock;
	}

	/** The Monday of the week {@code day} is in: her plan's week runs Monday (day 1) to Sunday (day 7). */
	public static LocalDate weekStart(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** This week's decisions for her plan, made now if this is the first time her plan is opened this week. */
	public LearnedWeek thisWeek(UUID member, PlanRequest request, LocalDate today) {
		LocalDate weekStart = weekStart(today);
		var kept = weeks.find(member, weekStart);
		if (kept.isPresent()) {
			int plannedNow = sessionsPlanned(request, kept.get().learned());
			if (plannedNow != kept.get().sessionsPlanned()) {
				weeks.plannedSessions(member, weekStart, plannedNow);
			}
			return kept.get().learned();
		}
		LearnedWeek decided = decide(member, request, weekStart, today);
		if (weeks.insert(member, decided, sessionsPlanned(request, decided), clock.instant())) {
			return decided;
		}
		// Decided at the same moment by another request: the first one kept stands.
		return weeks.find(member, weekStart).map(LearnedWeekStore.Week::learned).orElse(decided);
	}

	/**
	 * This week's decisions as they stand, for someone other than her (the provider she shares with, her calendar
	 * app): the kept ones, or, before she has opened her plan this week, what they would be now, without keeping
	 * them, so that another's request never settles her week for her.
	 */
	public LearnedWeek thisWeekAsItStands(UUID member, PlanRequest request, LocalDate today) {
		LocalDate weekStart = weekStart(today);
		return weeks.find(member, weekStart)
			.map(LearnedWeekStore.Week::learned)
			.orElseGet(() -> decide(member, request, weekStart, today));
	}

	/** This week's decisions made again from everything up to today (she asked), still one step from last week's. */
	public LearnedWeek again(UUID member, PlanRequest request, LocalDate today) {
		LocalDate weekStart = weekStart(today);
		LearnedWeek decided = decide(member, request, weekStart, today);
		weeks.replace(member, decided, sessionsPlanned(request, decided), clock.instant());
		return decided;
	}

	private LearnedWeek decide(UUID member, PlanRequest request, LocalDate weekStart, LocalDate today) {
		LearnedWeek previous = weeks.latestBefore(member, weekStart).orElse(null);
		return Learning.nextWeek(catalogue, request, previous, history(member, today.minusDays(HISTORY_DAYS), today),
				weekStart, clock);
	}

	/** Her sessions and diary from {@code from} to {@code to}, both included, as the learning rules read them. */
	History history(UUID member, LocalDate from, LocalDate to) {
		ZoneId zone = clock.getZone();
		var outcomes = new ArrayList<History.SessionOutcome>();
		for (SessionRecord session : sessions.between(member, from.atStartOfDay(zone).toInstant(),
				to.plusDays(1).atStartOfDay(zone).toInstant())) {
			Instant known = session.receivedAt() == null ? session.endedAt() : session.receivedAt();
			outcomes.add(new History.SessionOutcome(session.startedAt().atZone(zone).toLocalDate(), session.endedAt(),
					known, session.painBefore(), session.painAfter(), session.felt(), ids(session.exercisesDone()),
					ids(session.exercisesEasier()), ids(session.exercisesPainful()), session.day() != null,
					!session.symptoms().isEmpty()));
		}
		var pain = diary.between(member, from, to)
			.stream()
			.filter(entry -> !entry.pain().isEmpty())
			.map(entry -> new History.PainReading(entry.day(), entry.worst()))
			.toList();
		return new History(outcomes, pain);
	}

	private static int sessionsPlanned(PlanRequest request, LearnedWeek week) {
		// The generator makes at most what she asked for and what the week allows.
		if (request.screening() == ScreeningOutcome.NOT_ADVISED) {
			return 0;
		}
		return week == null ? request.sessionsPerWeek() : Math.min(request.sessionsPerWeek(), week.sessionsPerWeek());
	}

	private static List<ExerciseId> ids(List<String> values) {
		return values.stream().filter(ExerciseId::isValid).map(ExerciseId::of).toList();
	}

}
