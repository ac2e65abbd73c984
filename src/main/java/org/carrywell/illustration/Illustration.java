package org.carrywell.illustration;

/**
 * The drawings of one exercise at one stage of pregnancy, as inline SVG whose ids still carry a token that
 * {@link #unique(String, String)} replaces, so that one page can hold several.
 *
 * @param still the start position, for lists and cards
 * @param animation the figure moving through the keyframes, looping every {@code seconds}
 * @param frames the keyframes side by side, for people who turn motion off, and for print
 * @param forward seconds of each loop spent moving from the first keyframe to the last
 * @param hold seconds then held in the last keyframe
 * @param back seconds taken to come back to the first
 * @param continuous whether the loop goes round from keyframe to keyframe instead (walking, flows)
 */
public record Illustration(String still, String animation, String frames, double seconds, double forward,
		double hold, double back, boolean continuous) {

	/** The SVG with its ids made unique by {@code prefix}. */
	public static String unique(String svg, String prefix) {
		return svg.replace(Renderer.ID_TOKEN, prefix);
	}

	/**
	 * Markup holding drawings, as the {@code index}th of a group that is then made unique as one: the ids keep
	 * their token, so the group's own prefix still applies, and the index keeps them apart within the group.
	 */
	public static String withinGroup(String markup, int index) {
		return markup.replace(Renderer.ID_TOKEN, Renderer.ID_TOKEN + index + "-");
	}

}
