package org.carrywell.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.PainArea;

/**
 * Chooses one session's exercises exactly. The problem:
 *
 * <pre>
 * maximise   Σ value(e)                      over the chosen exercises e
 * subject to Σ units(e) ≤ budget             (15-second units; the session fits her time)
 *            at most one exercise per family (no movement twice in a session)
 *            at least one BREATHING exercise
 *            every required pain area targeted by at least one chosen exercise
 *            the forced (pinned) exercises are chosen
 * and, among solutions that fill at least 85 % of the budget, the best one if any exists.
 * </pre>
 *
 * It is a multiple-choice knapsack with a few yes/no side constraints, solved by dynamic programming over
 * families × used units × which side constraints are met: exact, and small (tens of candidates, at most 180
 * units). Ties are broken the same way every time, so the same input always gives the same session.
 */
final class SessionSelector {

	static final double FILL = 0.85;

	private static final int UNREACHABLE = -1;

	private SessionSelector() {
	}

	/** @param required pain areas the session must target (at most a few: each doubles the state space) */
	record Problem(List<Candidate> candidates, int budgetUnits, Set<PainArea> required, List<Candidate> forced) {

		Problem {
			candidates = List.copyOf(candidates);
			required = Set.copyOf(required);
			forced = List.copyOf(forced);
		}

		int fillUnits() {
			return (int) Math.ceil(FILL * budgetUnits);
		}

	}

	record Selection(List<Candidate> chosen, int value, int units) {

		Selection {
			chosen = List.copyOf(chosen);
		}

	}

	/** @return the best session, or empty when no choice meets the hard constraints */
	static Optional<Selection> solve(Problem problem) {
		List<PainArea> required = problem.required().stream().sorted().toList();
		if (problem.candidates().size() > Byte.MAX_VALUE) {
			throw new IllegalArgumentException("too many candidates for one session: " + problem.candidates().size());
		}
		int flags = 1 + required.size();
		int fullMask = (1 << flags) - 1;
		int budget = problem.budgetUnits();

		var forcedFamilies = problem.forced().stream().map(c -> c.exercise().family()).toList();
		int startUnits = problem.forced().stream().mapToInt(Candidate::units).sum();
		int startValue = problem.forced().stream().mapToInt(Candidate::value).sum();
		if (startUnits > budget) {
			return Optional.empty();
		}
		int startMask = 0;
		for (Candidate forced : problem.forced()) {
			startMask |= mask(forced, required);
		}

		// One layer per family; the options of a layer are "none" or one of its candidates.
		Map<String, List<Candidate>> families = new LinkedHashMap<>();
		problem.candidates()
			.stream()
			.filter(c -> !forcedFamilies.contains(c.exercise().family()))
			.sorted(Comparator.comparing((Candidate c) -> c.exercise().family()).thenComparing(c -> c.exercise().id()))
			.forEach(c -> families.computeIfAbsent(c.exercise().family(), f -> new ArrayList<>()).add(c));
		List<List<Candidate>> layers = new ArrayList<>(families.values());

		int states = (budget + 1) * (fullMask + 1);
		int[] best = new int[states];
		int[] next = new int[states];
		Arrays.fill(best, UNREACHABLE);
		best[index(startUnits, startMask, fullMask)] = startValue;
		// Per layer and state: which option reached it (0: none, so the state came from itself) and from where.
		byte[][] choice = new byte[layers.size()][states];
		int[][] from = new int[layers.size()][states];

		// Only states up to the most units reached so far can be reachable: the loop need not look further.
		int reachedUnits = startUnits;
		for (int layer = 0; layer < layers.size(); layer++) {
			List<Candidate> options = layers.get(layer);
			int[] optionMasks = new int[options.size()];
			for (int option = 0; option < options.size(); option++) {
				optionMasks[option] = mask(options.get(option), required);
			}
			System.arraycopy(best, 0, next, 0, states);
			byte[] chosen = choice[layer];
			int[] previous = from[layer];
			int reachable = (reachedUnits + 1) * (fullMask + 1);
			int longest = options.stream().mapToInt(Candidate::units).max().orElse(0);
			for (int state = 0; state < reachable; state++) {
				if (best[state] == UNREACHABLE) {
					continue;
				}
				int units = state / (fullMask + 1);
				int mask = state % (fullMask + 1);
				for (int option = 0; option < options.size(); option++) {
					Candidate candidate = options.get(option);
					int newUnits = units + candidate.units();
					if (newUnits > budget) {
						continue;
					}
					int target = index(newUnits, mask | optionMasks[option], fullMask);
					int value = best[state] + candidate.value();
					if (value > next[target]) {
						next[target] = value;
						chosen[target] = (byte) (option + 1);
						previous[target] = state;
					}
				}
			}
			int[] swap = best;
			best = next;
			next = swap;
			reachedUnits = Math.min(budget, reachedUnits + longest);
		}

		int finalState = pick(best, fullMask, budget, problem.fillUnits());
		if (finalState < 0) {
			return Optional.empty();
		}
		var picked = new ArrayList<>(problem.forced());
		int state = finalState;
		for (int layer = layers.size() - 1; layer >= 0; layer--) {
			int option = choice[layer][state];
			if (option > 0) {
				picked.add(layers.get(layer).get(option - 1));
				state = from[layer][state];
			}
		}
		return Optional.of(new Selection(picked, best[finalState], finalState / (fullMask + 1)));
	}

	/** The best complete state: filled to 85 % if that is possible, the highest value, then the fullest. */
	private static int pick(int[] best, int fullMask, int budget, int fillUnits) {
		int found = bestComplete(best, fullMask, fillUnits, budget);
		return found >= 0 ? found : bestComplete(best, fullMask, 0, budget);
	}

	private static int bestComplete(int[] best, int fullMask, int fromUnits, int budget) {
		int found = -1;
		for (int units = budget; units >= fromUnits; units--) {
			int state = index(units, fullMask, fullMask);
			if (best[state] != UNREACHABLE && (found < 0 || best[state] > best[found])) {
				found = state;
			}
		}
		return found;
	}

	/** Bit 0: a breathing exercise; bit i: the i-th required area is targeted. */
	static int mask(Candidate candidate, List<PainArea> required) {
		int mask = candidate.exercise().category() == Category.BREATHING ? 1 : 0;
		for (int i = 0; i < required.size(); i++) {
			if (candidate.exercise().weightFor(required.get(i)) > 0) {
				mask |= 1 << (i + 1);
			}
		}
		return mask;
	}

	private static int index(int units, int mask, int fullMask) {
		return units * (fullMask + 1) + mask;
	}

}
