// The player's clock: where in the session we are is computed from timestamps, never by counting ticks, so
// it stays right when the tab sleeps in the background. Pure: time comes in as an argument.

/**
 * @param {Array<{seconds: number}>} steps
 * @param {number} speed how many session seconds pass per real second (1; tests use more)
 */
export function createClock(steps, speed = 1) {
  const starts = [];
  let total = 0;
  for (const step of steps) {
    starts.push(total);
    total += step.seconds;
  }
  // offset: session seconds already played before the current run; runningSince: when the current run began.
  let offset = 0;
  let runningSince = null;

  const elapsedAt = (now) => Math.min(total, offset + (runningSince == null ? 0 : ((now - runningSince) / 1000) * speed));

  return {
    total,
    start(now) {
      runningSince = now;
    },
    pause(now) {
      offset = elapsedAt(now);
      runningSince = null;
    },
    resume(now) {
      if (runningSince == null) {
        runningSince = now;
      }
    },
    isRunning() {
      return runningSince != null;
    },
    /** The step under way, how far into it, how long is left of it, and whether the session is over. */
    position(now) {
      const elapsed = elapsedAt(now);
      if (elapsed >= total) {
        return { index: steps.length, intoStep: 0, leftInStep: 0, elapsed: total, done: true };
      }
      let index = starts.length - 1;
      while (index > 0 && starts[index] > elapsed) {
        index--;
      }
      const intoStep = elapsed - starts[index];
      return { index, intoStep, leftInStep: steps[index].seconds - intoStep, elapsed, done: false };
    },
    /** Jump to the start of a step (skip forward, go back), keeping the running state. */
    jumpTo(index, now) {
      const target = starts[Math.max(0, Math.min(index, starts.length))] ?? total;
      offset = index >= starts.length ? total : target;
      if (runningSince != null) {
        runningSince = now;
      }
    },
    startOf(index) {
      return starts[index];
    },
  };
}
