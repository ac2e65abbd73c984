// Turns a session (as the server describes it) into the steps the player walks through: a short "get ready"
// before each exercise, its work (per set, per side) and the rests between sets. Pure: no DOM, no clock.

export const GET_READY_SECONDS = 5;

/**
 * @param {Array<object>} items each {name, instruction, breathing, formCue, dose: {sets, reps, holdSeconds,
 *   breaths, minutes, secondsPerRep, restSeconds, perSide}}
 * @returns {Array<object>} steps, each {kind: 'ready'|'work'|'rest', item, seconds, set, sets, side, reps, tempo}
 */
export function buildSteps(items) {
  const steps = [];
  items.forEach((item, index) => {
    const dose = item.dose;
    steps.push({ kind: 'ready', item: index, seconds: GET_READY_SECONDS, set: 1, sets: dose.sets, side: null });
    const sides = dose.perSide ? ['left', 'right'] : [null];
    for (let set = 1; set <= dose.sets; set++) {
      for (const side of sides) {
        steps.push({ kind: 'work', item: index, seconds: workSeconds(dose), set, sets: dose.sets, side,
          reps: dose.reps ?? dose.breaths ?? null, tempo: dose.secondsPerRep ?? null, hold: dose.holdSeconds ?? null,
          breathing: dose.breaths != null });
      }
      if (set < dose.sets && dose.restSeconds > 0) {
        steps.push({ kind: 'rest', item: index, seconds: dose.restSeconds, set, sets: dose.sets, side: null });
      }
    }
  });
  return steps;
}

/** Seconds of one set on one side, as the catalogue computes an exercise's duration. */
export function workSeconds(dose) {
  if (dose.reps != null) {
    return dose.reps * (dose.secondsPerRep + (dose.holdSeconds ?? 0));
  }
  if (dose.breaths != null) {
    return dose.breaths * dose.secondsPerRep;
  }
  if (dose.minutes != null) {
    return dose.minutes * 60;
  }
  return dose.holdSeconds;
}

export function totalSeconds(steps) {
  return steps.reduce((sum, step) => sum + step.seconds, 0);
}

/** Which repetition is under way, and whether to breathe in or out, at `elapsed` seconds into a work step. */
export function repetitionAt(step, elapsed) {
  if (step.kind !== 'work' || step.reps == null || !step.tempo) {
    return null;
  }
  const perRep = step.tempo + (step.hold ?? 0);
  const rep = Math.min(step.reps, Math.floor(elapsed / perRep) + 1);
  const within = elapsed - (rep - 1) * perRep;
  return { rep, of: step.reps, phase: within < step.tempo / 2 ? 'in' : (within < step.tempo ? 'out' : 'hold') };
}

/** The words for a breathing phase: in a breathing exercise nothing moves on the out-breath but the breath. */
export function breathCue(step, phase) {
  return step.breathing && phase === 'out' ? 'breathe.outSlowly' : `breathe.${phase}`;
}

/**
 * Where the exercise's drawing should be in its loop (seconds) at `elapsed` seconds into a step, so that the
 * figure moves with the breathing cue. The loop (see the server's Motion) goes from the first keyframe to the
 * last in `forward` seconds, holds `hold` seconds and comes back in `back`; a continuous loop just goes round.
 * A repetition breathes in, out, then holds: it moves out on the out-breath, holds, and comes back on the next
 * in-breath (the first in-breath starts from the start position). A breath opens on the in-breath. A held
 * stretch eases in and stays.
 *
 * @param {object} timing {forward, hold, back, seconds, continuous}
 */
export function figureTime(step, elapsed, timing) {
  if (step.kind !== 'work') {
    return 0;
  }
  if (timing.continuous) {
    return elapsed % timing.seconds;
  }
  const repetition = repetitionAt(step, elapsed);
  if (!repetition) {
    return Math.min(elapsed, timing.forward);
  }
  const within = elapsed - (repetition.rep - 1) * (step.tempo + (step.hold ?? 0));
  if (step.breathing) {
    return Math.min(within, timing.forward + timing.back);
  }
  if (repetition.phase === 'in') {
    return repetition.rep === 1 ? 0 : timing.forward + timing.hold + within;
  }
  if (repetition.phase === 'out') {
    return within - step.tempo / 2;
  }
  return timing.forward + (within - step.tempo);
}
