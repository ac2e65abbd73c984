package org.carrywell.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * The geometry of her charts, drawn on the server as SVG by templates/progress/fragments.html: no chart script,
 * nothing to download. Every chart is a fixed viewBox the page scales to its width; every number it shows is
 * also in the table beneath it.
 */
public final class Charts {

	static final int WIDTH = 320;

	static final int HEIGHT = 180;

	static final int LEFT = 34;

	static final int RIGHT = 8;

	static final int TOP = 10;

	static final int BOTTOM = 26;

	private Charts() {
	}

	public record Tick(double y, String label) {
	}

	public record Label(double x, String text) {
	}

	/** One area's line: its runs of consecutive weeks with a value (a week without one breaks the line). */
	public record Series(String name, int index, List<String> runs, List<double[]> points) {
	}

	public record Bar(double x, double y, double width, double height) {
	}

	/**
	 * @param guide the height of a guideline across the chart (the activity guideline), or null
	 */
	public record Chart(List<Tick> ticks, List<Label> labels, List<Series> series, List<Bar> bars, List<Bar> outlines,
			@Nullable Double guide) {
	}

	private static double plotWidth() {
		return WIDTH - LEFT - RIGHT;
	}

	private static double plotHeight() {
		return HEIGHT - TOP - BOTTOM;
	}

	static double x(int index, int count) {
		double slot = plotWidth() / count;
		return LEFT + slot * index + slot / 2;
	}

	static double y(double value, double max) {
		return TOP + plotHeight() * (1 - value / max);
	}

	private static List<Tick> ticks(double max, double step) {
		var ticks = new ArrayList<Tick>();
		for (double value = 0; value <= max + 1e-9; value += step) {
			ticks.add(new Tick(y(value, max), String.valueOf((int) value)));
		}
		return ticks;
	}

	private static List<Label> labels(List<String> weekLabels) {
		var labels = new ArrayList<Label>();
		for (int i = 0; i < weekLabels.size(); i++) {
			labels.add(new Label(x(i, weekLabels.size()), weekLabels.get(i)));
		}
		return labels;
	}

	/**
	 * Lines on a 0–10 scale, one per named series; {@code values.get(s)[w]} is series s in week w, or null.
	 */
	static Chart lines(List<String> weekLabels, List<String> names, List<@Nullable Double[]> values) {
		int weeks = weekLabels.size();
		var series = new ArrayList<Series>();
		for (int s = 0; s < names.size(); s++) {
			var runs = new ArrayList<String>();
			var points = new ArrayList<double[]>();
			StringBuilder run = new StringBuilder();
			for (int w = 0; w < weeks; w++) {
				Double value = values.get(s)[w];
				if (value == null) {
					addRun(runs, run);
					run = new StringBuilder();
					continue;
				}
				double[] point = { round(x(w, weeks)), round(y(value, 10)) };
				points.add(point);
				run.append(run.isEmpty() ? "" : " ").append(point[0]).append(',').append(point[1]);
			}
			addRun(runs, run);
			series.add(new Series(names.get(s), s + 1, runs, points));
		}
		return new Chart(ticks(10, 2), labels(weekLabels), series, List.of(), List.of(), null);
	}

	private static void addRun(List<String> runs, StringBuilder run) {
		if (!run.isEmpty()) {
			runs.add(run.toString());
		}
	}

	/**
	 * Bars per week, with an outline bar behind each (what was planned) when {@code outlines} is given, and a
	 * guideline when {@code guide} is.
	 */
	static Chart bars(List<String> weekLabels, int[] values, int @Nullable [] outlines, @Nullable Integer guide,
			IntFunction<Double> niceMax) {
		int weeks = weekLabels.size();
		int highest = guide == null ? 0 : guide;
		for (int i = 0; i < weeks; i++) {
			highest = Math.max(highest, values[i]);
			if (outlines != null) {
				highest = Math.max(highest, outlines[i]);
			}
		}
		double max = niceMax.apply(highest);
		double slot = plotWidth() / weeks;
		double barWidth = Math.min(24, slot * 0.6);
		var bars = new ArrayList<Bar>();
		var outlineBars = new ArrayList<Bar>();
		for (int i = 0; i < weeks; i++) {
			double left = round(x(i, weeks) - barWidth / 2);
			bars.add(bar(left, barWidth, values[i], max));
			if (outlines != null) {
				outlineBars.add(bar(left, barWidth, outlines[i], max));
			}
		}
		return new Chart(ticks(max, step(max)), labels(weekLabels), List.of(), bars, outlineBars,
				guide == null ? null : round(y(guide, max)));
	}

	/** A round step between ticks: the smallest of 1, 2, 5, 10, 20, 50, … that makes at most five of them. */
	static double step(double max) {
		for (double scale = 1;; scale *= 10) {
			for (int base : new int[] { 1, 2, 5 }) {
				if (base * scale * 5 >= max) {
					return base * scale;
				}
			}
		}
	}

	private static Bar bar(double left, double width, int value, double max) {
		double top = y(value, max);
		return new Bar(left, round(top), round(width), round(TOP + plotHeight() - top));
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
