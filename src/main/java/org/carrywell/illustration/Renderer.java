package org.carrywell.illustration;

import static org.carrywell.illustration.Skeleton.Point.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.carrywell.catalogue.Poses.View;
import org.carrywell.catalogue.Prop;
import org.carrywell.illustration.Skeleton.Point;

/**
 * Writes a scene as SVG: a still of one keyframe, the animation through the exercise's motion (SMIL
 * {@code <animate>} of each part's outline, so no script and no inline style are needed under the site's
 * Content-Security-Policy), or the keyframes side by side. Colours come from classes in the site's
 * stylesheet. Ids are written with {@link #ID_TOKEN}, which the caller replaces to keep them unique on a page.
 */
final class Renderer {

	static final String ID_TOKEN = "@@";

	static final int WIDTH = 280, HEIGHT = 260, FLOOR_Y = 246, GAP = 44;

	static final double SCALE = 2;

	/** The lowest picture, in figure units: a figure lying down still gets some room above it. */
	static final double MIN_HEIGHT = 50;

	/** The camera turns a little from a pure side or front view, so both legs and both arms show. */
	private static final double SIDE_YAW = 20, FRONT_YAW = 14;

	/** How far the camera looks down in the view from above. */
	private static final double ABOVE_PITCH = 35;

	/** How far the floor reaches behind and in front of her, in the view from above (figure units). */
	private static final double FLOOR_BEHIND = 22, FLOOR_AHEAD = 34;

	private final Scene scene;

	private final double cos;

	private final double sin;

	private final double lookDownCos;

	private final double lookDownSin;

	private final Motion motion;

	private final List<Sample> samples;

	/** Shifts every drawing sideways so that the whole motion sits in the middle of the picture. */
	private final double offset;

	/**
	 * The top of the picture: just above the highest point of the motion. The scale is the same for every
	 * exercise, so a figure lying down gets a lower picture, not a bigger figure.
	 */
	private final int top;

	/** The bottom of the picture: below the floor line when she is seen from above. */
	private final int bottom;

	record Sample(double time, Skeleton skeleton) {
	}

	/** One drawn part: how to outline it in any frame, and how it is painted. */
	private record Part(Function<Skeleton, String> outline, String paint, double width, boolean twoTone) {
	}

	Renderer(Scene scene) {
		this.scene = scene;
		double yaw = Math.toRadians(scene.view() == View.SIDE ? SIDE_YAW : FRONT_YAW);
		this.cos = Math.cos(yaw);
		this.sin = Math.sin(yaw);
		double down = Math.toRadians(scene.view() == View.FRONT_FROM_ABOVE ? ABOVE_PITCH : 0);
		this.lookDownCos = Math.cos(down);
		this.lookDownSin = Math.sin(down);
		this.motion = Motion.of(scene.exercise());
		this.samples = samples();
		this.offset = WIDTH / 2.0 - centre();
		this.top = top();
		this.bottom = bottom();
	}

	Motion motion() {
		return motion;
	}

	List<Sample> sampleFrames() {
		return samples;
	}

	double x(Vec3 point) {
		return (point.x() * cos + point.z() * sin) * SCALE + offset;
	}

	/** Looking down from above, what is nearer the viewer is drawn lower. */
	double y(Vec3 point) {
		double nearness = point.z() * cos - point.x() * sin;
		return FLOOR_Y - (point.y() * lookDownCos - nearness * lookDownSin) * SCALE;
	}

	double depth(Vec3 point) {
		return (point.z() * cos - point.x() * sin) * lookDownCos + point.y() * lookDownSin;
	}

	String still(int keyframe) {
		return svg(WIDTH, body(List.of(scene.keyframe(keyframe)), ID_TOKEN));
	}

	String animation() {
		return svg(WIDTH, body(samples.stream().map(Sample::skeleton).toList(), ID_TOKEN));
	}

	/** The keyframes in a row, with an arrow between each: the animation for those who turn motion off. */
	String frames() {
		int count = scene.keyframes().size();
		var out = new StringBuilder();
		for (int i = 0; i < count; i++) {
			int left = i * (WIDTH + GAP);
			out.append("<g transform=\"translate(").append(left).append(" 0)\">")
				.append(body(List.of(scene.keyframe(i)), ID_TOKEN + i + "-"))
				.append("</g>");
			if (i + 1 < count) {
				int from = left + WIDTH + 6;
				out.append("<path class=\"ar\" d=\"M").append(from).append(' ').append((top + bottom) / 2).append('h').append(GAP - 12)
					.append("m-10-10 10 10-10 10\"/>");
			}
		}
		return svg(count * WIDTH + (count - 1) * GAP, out.toString());
	}

	private String svg(int width, String body) {
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cw-fig\" viewBox=\"0 " + top + " " + width + " "
				+ (bottom - top) + "\" aria-hidden=\"true\" focusable=\"false\">" + body + "</svg>";
	}

	private int bottom() {
		double lowest = HEIGHT - 6;
		if (scene.view() == View.FRONT_FROM_ABOVE) {
			// The floor's nearer corners, as floorArea draws them.
			for (double edge : span(scene.start())) {
				double x = (edge - offset) / SCALE / cos;
				lowest = Math.max(lowest, y(new Vec3(x - 6, 0, FLOOR_AHEAD)) + 4);
				lowest = Math.max(lowest, y(new Vec3(x + 6, 0, FLOOR_AHEAD)) + 4);
			}
		}
		for (Sample sample : samples) {
			for (Point point : Scene.drawnPoints()) {
				lowest = Math.max(lowest, y(sample.skeleton().get(point)) + scene.radius(sample.skeleton(), point) * SCALE);
			}
		}
		return (int) Math.ceil(lowest) + 6;
	}

	int top() {
		double highest = FLOOR_Y - MIN_HEIGHT * SCALE;
		for (Sample sample : samples) {
			for (Point point : Scene.drawnPoints()) {
				highest = Math.min(highest, y(sample.skeleton().get(point)) - scene.radius(sample.skeleton(), point) * SCALE);
			}
		}
		return (int) Math.floor(highest) - 10;
	}

	/** One figure: still if given one skeleton, animated through all of them if given the motion's samples. */
	private String body(List<Skeleton> frames, String idPrefix) {
		Skeleton first = frames.get(0);
		var out = new StringBuilder();
		if (scene.view() != View.FRONT_FROM_ABOVE) {
			out.append("<path class=\"fl\" d=\"M0 ").append(FLOOR_Y).append('H').append(WIDTH).append("\"/>");
		}
		var defs = new StringBuilder();
		var uses = new StringBuilder();
		int[] next = { 0 };
		Function<Part, String> draw = part -> {
			String shape = shape(frames, part.outline());
			if (!part.twoTone()) {
				return shape.replaceFirst("^<path", "<path class=\"" + part.paint() + "\"");
			}
			String id = idPrefix + next[0]++;
			defs.append(shape.replaceFirst("^<path", "<path id=\"" + id + "\""));
			String outlineClass = part.paint().startsWith("t") ? "to" : "lo";
			return "<use href=\"#" + id + "\" class=\"" + outlineClass + "\" stroke-width=\"" + number(part.width() + 5)
					+ "\"/><use href=\"#" + id + "\" class=\"" + part.paint() + "\" stroke-width=\""
					+ number(part.width()) + "\"/>";
		};
		// Props that stand still are placed once, from the start position, in every drawing of the exercise.
		for (Part part : backProps(scene.start())) {
			uses.append(draw.apply(part));
		}
		double torsoDepth = (depth(first.get(PELVIS)) + depth(first.get(NECK))) / 2 + 0.6;
		record Group(double depth, List<Part> parts) {
		}
		var groups = new ArrayList<Group>();
		for (int side : new int[] { -1, 1 }) {
			Point knee = side < 0 ? LEFT_KNEE : RIGHT_KNEE;
			Point elbow = side < 0 ? LEFT_ELBOW : RIGHT_ELBOW;
			double legDepth = depth(first.get(knee));
			double armDepth = depth(first.get(elbow));
			groups.add(new Group(legDepth, List.of(limb(side, true, legDepth < torsoDepth - 3))));
			groups.add(new Group(armDepth, List.of(limb(side, false, armDepth < torsoDepth - 3))));
		}
		groups.add(new Group(torsoDepth, List.of(
				new Part(s -> polygon(s, LEFT_HIP_CORNER, LEFT_WAIST_CORNER, LEFT_SHOULDER_CORNER, RIGHT_SHOULDER_CORNER,
						RIGHT_WAIST_CORNER, RIGHT_HIP_CORNER), "tb", Skeleton.TORSO_RADIUS * 2 * SCALE, true),
				new Part(s -> line(s, NECK, HEAD), "lb", 6 * SCALE, true),
				new Part(s -> disc(s.get(BUMP), s.bumpRadius()), "bp", 0, false),
				new Part(s -> disc(s.get(HAIR), Skeleton.HAIR_RADIUS), "hr", 0, false),
				new Part(s -> disc(s.get(HEAD), Skeleton.HEAD_RADIUS), "hd", 0, false))));
		groups.sort(Comparator.comparingDouble(Group::depth));
		for (Group group : groups) {
			for (Part part : group.parts()) {
				uses.append(draw.apply(part));
			}
		}
		for (Part part : frontProps()) {
			uses.append(draw.apply(part));
		}
		if (!defs.isEmpty()) {
			out.append("<defs>").append(defs).append("</defs>");
		}
		return out.append(uses).toString();
	}

	private Part limb(int side, boolean leg, boolean far) {
		Point[] chain = leg ? (side < 0 ? new Point[] { LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, LEFT_TOE }
				: new Point[] { RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE, RIGHT_TOE })
				: (side < 0 ? new Point[] { LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST, LEFT_FINGERS }
						: new Point[] { RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST, RIGHT_FINGERS });
		double radius = leg ? Skeleton.LEG_RADIUS : Skeleton.ARM_RADIUS;
		return new Part(s -> line(s, chain), far ? "lf" : "lb", radius * 2 * SCALE, true);
	}

	/** A path whose outline is animated through the frames, or a plain path when it does not move. */
	private String shape(List<Skeleton> frames, Function<Skeleton, String> outline) {
		List<String> outlines = frames.stream().map(outline).toList();
		String first = outlines.get(0);
		if (outlines.stream().allMatch(first::equals)) {
			return "<path d=\"" + first + "\"/>";
		}
		var keyTimes = new StringBuilder();
		double total = samples.get(samples.size() - 1).time();
		for (Sample sample : samples) {
			keyTimes.append(keyTimes.isEmpty() ? "" : ";").append(String.format(Locale.ROOT, "%.3f", sample.time() / total));
		}
		return "<path d=\"" + first + "\"><animate attributeName=\"d\" dur=\"" + number(total)
				+ "s\" repeatCount=\"indefinite\" keyTimes=\"" + keyTimes.toString().replace(".000", "") + "\" values=\""
				+ String.join(";", outlines) + "\"/></path>";
	}

	private String line(Skeleton skeleton, Point... points) {
		var d = new StringBuilder();
		for (Point point : points) {
			// After the first point, an implicit line-to: "M1 2 3 4" draws a line from 1,2 to 3,4.
			d.append(d.isEmpty() ? "M" : " ").append(xy(skeleton.get(point)));
		}
		return d.toString();
	}

	private String polygon(Skeleton skeleton, Point... points) {
		return line(skeleton, points) + "Z";
	}

	private String disc(Vec3 centre, double radius) {
		return circle(x(centre), y(centre), radius * SCALE);
	}

	private static String circle(double cx, double cy, double r) {
		String radius = number(r);
		return "M" + number(cx - r) + " " + number(cy) + "a" + radius + " " + radius + " 0 1 0 " + number(2 * r)
				+ " 0a" + radius + " " + radius + " 0 1 0 " + number(-2 * r) + " 0Z";
	}

	private String xy(Vec3 point) {
		return number(x(point)) + " " + number(y(point));
	}

	static String number(double value) {
		long rounded = Math.round(value);
		return Long.toString(rounded);
	}

	// Props. Sizes are in canvas units (twice the figure's).

	private List<Part> backProps(Skeleton first) {
		var parts = new ArrayList<Part>();
		var props = scene.poses().props();
		if (scene.view() == View.FRONT_FROM_ABOVE) {
			parts.add(fixed(floorArea(first, props.contains(Prop.MAT)), props.contains(Prop.MAT) ? "mt" : "fa"));
		}
		else if (props.contains(Prop.MAT)) {
			double[] span = span(first);
			String mat = "M" + number(span[0] - 12) + " " + FLOOR_Y + "h" + number(span[1] - span[0] + 24) + "v7h"
					+ number(-(span[1] - span[0] + 24)) + "Z";
			parts.add(fixed(mat, "mt"));
		}
		if (props.contains(Prop.WALL_BEHIND)) {
			double back = Double.MAX_VALUE;
			for (Point point : List.of(LEFT_HIP_CORNER, RIGHT_HIP_CORNER, LEFT_SHOULDER_CORNER, RIGHT_SHOULDER_CORNER,
					LEFT_WAIST_CORNER, RIGHT_WAIST_CORNER)) {
				back = Math.min(back, x(first.get(point)) - Skeleton.TORSO_RADIUS * SCALE);
			}
			parts.add(fixed(rect(back - 16, top, 16, FLOOR_Y - top), "wl"));
		}
		if (props.contains(Prop.WALL_AT_HAND)) {
			Vec3 hand = farthestHand(first);
			boolean leftOfBody = x(hand) < x(first.get(PELVIS));
			double at = x(hand) + (leftOfBody ? -Skeleton.ARM_RADIUS * SCALE - 16 : Skeleton.ARM_RADIUS * SCALE);
			parts.add(fixed(rect(at, top, 16, FLOOR_Y - top), "wl"));
		}
		if (props.contains(Prop.CHAIR) || props.contains(Prop.BIKE)) {
			parts.add(fixed(props.contains(Prop.BIKE) ? bike(first) : chair(first), "pr"));
		}
		if (props.contains(Prop.CHAIR_AHEAD) || props.contains(Prop.CHAIR_BESIDE)) {
			parts.add(fixed(chairBack(first), "pr"));
		}
		if (props.contains(Prop.BALL)) {
			parts.add(new Part(s -> circle(x(s.get(PELVIS_BOTTOM)), FLOOR_Y - Scene.BALL_TOP, Scene.BALL_TOP), "ba", 0,
					false));
		}
		if (props.contains(Prop.PILLOW_BACK)) {
			parts.add(fixed(wedge(first), "pl"));
		}
		if (props.contains(Prop.PILLOW_HIPS)) {
			double at = x(first.get(PELVIS_BOTTOM));
			parts.add(fixed(rounded(at - 30, FLOOR_Y - Scene.HIP_CUSHION * SCALE, 60, Scene.HIP_CUSHION * SCALE), "pl"));
		}
		if (props.contains(Prop.PILLOW_HEAD)) {
			Vec3 head = first.get(HEAD);
			double bottom = y(new Vec3(head.x(), 0, head.z()));
			double height = Scene.HEAD_PILLOW * SCALE * lookDownCos + 12 * lookDownSin;
			parts.add(fixed(rounded(x(head) - 22, bottom - height, 44, height), "pl"));
		}
		if (props.contains(Prop.PILLOW_CHEST)) {
			Vec3 chest = first.get(NECK).plus(first.get(WAIST)).times(0.5);
			double top = y(chest) + Skeleton.TORSO_RADIUS * SCALE;
			double height = Math.max(8, FLOOR_Y - top);
			parts.add(fixed(rounded(x(chest) - 34, FLOOR_Y - height, 68, height), "pl"));
		}
		return parts;
	}

	private List<Part> frontProps() {
		var parts = new ArrayList<Part>();
		var props = scene.poses().props();
		if (props.contains(Prop.PILLOW_KNEES)) {
			parts.add(new Part(s -> {
				Vec3 middle = s.get(LEFT_KNEE).plus(s.get(RIGHT_KNEE)).times(0.5);
				return rounded(x(middle) - 14, y(middle) - 7, 28, 14);
			}, "pl", 0, false));
		}
		if (props.contains(Prop.BAND_HANDS)) {
			parts.add(new Part(s -> line(s, LEFT_WRIST, RIGHT_WRIST), "bd", 0, false));
		}
		if (props.contains(Prop.BAND_KNEES)) {
			parts.add(new Part(s -> {
				Vec3 left = s.get(LEFT_KNEE).times(0.8).plus(s.get(LEFT_HIP).times(0.2));
				Vec3 right = s.get(RIGHT_KNEE).times(0.8).plus(s.get(RIGHT_HIP).times(0.2));
				return "M" + xy(left) + " " + xy(right);
			}, "bd", 0, false));
		}
		if (props.contains(Prop.WATER)) {
			parts.add(fixed(rect(0, FLOOR_Y - 62 * SCALE, WIDTH, 62 * SCALE), "wa"));
		}
		return parts;
	}

	/** The floor (or the mat) under a figure seen from above: a rectangle on the floor, drawn in perspective. */
	private String floorArea(Skeleton first, boolean mat) {
		double[] span = span(first);
		double left = (span[0] - offset) / SCALE / cos - 6;
		double right = (span[1] - offset) / SCALE / cos + 6;
		double behind = -FLOOR_BEHIND;
		double ahead = mat ? FLOOR_AHEAD - 4 : FLOOR_AHEAD;
		var d = new StringBuilder();
		for (double[] corner : new double[][] { { left, behind }, { right, behind }, { right, ahead }, { left, ahead } }) {
			Vec3 point = new Vec3(corner[0], 0, corner[1]);
			d.append(d.isEmpty() ? "M" : " ").append(xy(point));
		}
		return d.append('Z').toString();
	}

	private static Part fixed(String d, String paint) {
		return new Part(s -> d, paint, 0, false);
	}

	/** A chair seen from the side (backrest behind her) or from the front (backrest behind, seat below). */
	private String chair(Skeleton first) {
		double seat = FLOOR_Y - Scene.CHAIR_SEAT * SCALE;
		double at = x(first.get(PELVIS_BOTTOM));
		if (scene.view() == View.SIDE) {
			double back = at - 24;
			double front = at + 22;
			return "M" + number(back) + " " + number(seat - 50) + "V" + FLOOR_Y + "M" + number(back) + " " + number(seat)
					+ "H" + number(front) + "V" + FLOOR_Y + "M" + number(back) + " " + number(seat - 50) + "h6";
		}
		return "M" + number(at - 26) + " " + FLOOR_Y + "V" + number(seat - 52) + "H" + number(at + 26) + "V" + FLOOR_Y
				+ "M" + number(at - 30) + " " + number(seat) + "H" + number(at + 30);
	}

	private String bike(Skeleton first) {
		double saddle = FLOOR_Y - Scene.BIKE_SEAT * SCALE;
		double at = x(first.get(PELVIS_BOTTOM));
		double crankX = at + 22;
		double crankY = FLOOR_Y - 20;
		return "M" + number(at - 12) + " " + number(saddle) + "h24M" + number(at) + " " + number(saddle) + "L"
				+ number(crankX) + " " + number(crankY) + "M" + number(at - 30) + " " + FLOOR_Y + "h" + 110 + "M"
				+ number(crankX) + " " + number(crankY) + "L" + number(at + 10) + " " + FLOOR_Y + "M" + number(crankX)
				+ " " + number(crankY) + "L" + number(at + 56) + " " + number(saddle - 34) + "h12" + circle(crankX, crankY, 14);
	}

	/** The back of a chair, its top where her hand rests, the seat reaching away from her. */
	private String chairBack(Skeleton first) {
		double top = FLOOR_Y - Scene.CHAIR_BACK_TOP * SCALE;
		double seat = FLOOR_Y - Scene.CHAIR_SEAT * SCALE;
		Vec3 hand = farthestHand(first);
		double post = x(hand);
		if (scene.view().facesViewer()) {
			boolean leftOfBody = post < x(first.get(PELVIS));
			double far = post + (leftOfBody ? -44 : 44);
			return "M" + number(post) + " " + number(top) + "V" + FLOOR_Y + "M" + number(far) + " " + number(top) + "V"
					+ FLOOR_Y + "M" + number(post) + " " + number(top) + "H" + number(far) + "M" + number(post) + " "
					+ number(seat) + "H" + number(far);
		}
		return "M" + number(post) + " " + number(top) + "V" + FLOOR_Y + "M" + number(post) + " " + number(seat) + "h44V"
				+ FLOOR_Y + "M" + number(post - 6) + " " + number(top) + "h6";
	}

	Vec3 farthestHand(Skeleton skeleton) {
		return scene.holdingHand(skeleton);
	}

	/** A wedge of pillows under a reclined back, from the seat to the shoulders. */
	private String wedge(Skeleton first) {
		double hipX = x(first.get(PELVIS_BOTTOM));
		Vec3 shoulders = first.get(LEFT_SHOULDER_CORNER).plus(first.get(RIGHT_SHOULDER_CORNER)).times(0.5);
		double backX = x(shoulders) - 6;
		double backY = y(shoulders) + 10;
		return "M" + number(hipX - 6) + " " + FLOOR_Y + "L" + number(backX) + " " + number(backY) + "L" + number(backX - 22)
				+ " " + number(backY + 4) + "L" + number(backX - 30) + " " + FLOOR_Y + "Z";
	}

	private static String rect(double x, double y, double width, double height) {
		return "M" + number(x) + " " + number(y) + "h" + number(width) + "v" + number(height) + "h" + number(-width) + "Z";
	}

	private static String rounded(double x, double y, double width, double height) {
		double r = Math.min(8, height / 2);
		return "M" + number(x + r) + " " + number(y) + "h" + number(width - 2 * r) + "a" + number(r) + " " + number(r)
				+ " 0 0 1 0 " + number(height) + "h" + number(-(width - 2 * r)) + "a" + number(r) + " " + number(r)
				+ " 0 0 1 0 " + number(-height) + "Z";
	}

	/** The left and right edge of the figure, in canvas units. */
	double[] span(Skeleton skeleton) {
		double min = Double.MAX_VALUE;
		double max = -Double.MAX_VALUE;
		for (Point point : Scene.drawnPoints()) {
			double radius = scene.radius(skeleton, point) * SCALE;
			min = Math.min(min, x(skeleton.get(point)) - radius);
			max = Math.max(max, x(skeleton.get(point)) + radius);
		}
		return new double[] { min, max };
	}

	/** The middle of everything drawn in the motion, before centring. */
	private double centre() {
		double min = Double.MAX_VALUE;
		double max = -Double.MAX_VALUE;
		for (Sample sample : samples) {
			double[] span = span(sample.skeleton());
			min = Math.min(min, span[0]);
			max = Math.max(max, span[1]);
		}
		return (min + max) / 2;
	}

	private List<Sample> samples() {
		var result = new ArrayList<Sample>();
		result.add(new Sample(0, scene.keyframe(0)));
		double time = 0;
		for (Motion.Segment segment : motion.segments()) {
			if (segment.isHold()) {
				time += segment.seconds();
				result.add(new Sample(time, scene.keyframe(segment.to())));
				continue;
			}
			double change = scene.keyframes().get(segment.from()).largestChangeTo(scene.keyframes().get(segment.to()));
			// Enough in-between frames that limbs turn rather than shrink, but few enough to stay small.
			int steps = (int) Math.max(1, Math.min(motion.continuous() ? 2 : 4, Math.ceil(change / 24)));
			for (int i = 1; i <= steps; i++) {
				double t = (double) i / steps;
				result.add(new Sample(time + segment.seconds() * t,
						scene.between(segment.from(), segment.to(), Motion.ease(t))));
			}
			time += segment.seconds();
		}
		return result;
	}

}
