package org.carrywell.newsletter;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a subscriber can choose to hear about. The ids are stored and sent in forms; keep them stable. */
public enum Topic {

	WORKOUT_IDEAS, TRAINING_ADVICE, GEAR_REVIEWS, WOMENS_HEALTH;

	/** The stored form: ids in declaration order, comma-separated. */
	public static String join(Collection<Topic> topics) {
		return topics.stream().sorted().map(Topic::name).collect(Collectors.joining(","));
	}

	/** Reads the stored form; an empty string is no topics. */
	public static Set<Topic> split(String stored) {
		EnumSet<Topic> topics = EnumSet.noneOf(Topic.class);
		Arrays.stream(stored.split(",")).map(String::strip).filter(id -> !id.isEmpty()).map(Topic::valueOf)
			.forEach(topics::add);
		return topics;
	}

}
