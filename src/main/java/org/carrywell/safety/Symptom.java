package org.carrywell.safety;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A symptom she may report, and how urgent it is (the rule book's warning-sign table). Two depend on the week:
 * regular painful contractions and (v2) fluid leaking are an emergency before week 37 (preterm labour, possible
 * preterm rupture of the membranes) and a reason to call now from week 37. Where the week is unknown, both take
 * the cautious reading.
 */
public enum Symptom {

	CHEST_PAIN(Urgency.EMERGENCY, "ACOG804", "MOTTOLA2018"),
	FAINTING(Urgency.EMERGENCY, "MOTTOLA2018"),
	HEAVY_BLEEDING(Urgency.EMERGENCY, "ACOG804", "CLEVELAND-WARNING"),
	FLUID_GUSH(Urgency.EMERGENCY, "ACOG804", "CLEVELAND-WARNING"),
	SADDLE_NUMBNESS_OR_BLADDER_BOWEL_CHANGE(Urgency.EMERGENCY, "NHS-BACKPAIN"),
	SEVERE_HEADACHE_WITH_VISION_CHANGES(Urgency.EMERGENCY, "CLEVELAND-WARNING"),
	REGULAR_PAINFUL_CONTRACTIONS(Urgency.EMERGENCY, "ACOG804", "MOTTOLA2018"),
	VAGINAL_BLEEDING(Urgency.CALL_PROVIDER_NOW, "ACOG804", "MOTTOLA2018"),
	FLUID_LEAKING(Urgency.EMERGENCY, "ACOG804", "MOTTOLA2018", "NICE-NG25"),
	ABDOMINAL_PAIN(Urgency.CALL_PROVIDER_NOW, "ACOG804"),
	DIZZINESS(Urgency.CALL_PROVIDER_NOW, "ACOG804", "MOTTOLA2018"),
	BREATHLESS_BEFORE_EXERTION(Urgency.CALL_PROVIDER_NOW, "ACOG804"),
	HEADACHE(Urgency.CALL_PROVIDER_NOW, "ACOG804"),
	MUSCLE_WEAKNESS_AFFECTING_BALANCE(Urgency.CALL_PROVIDER_NOW, "ACOG804"),
	CALF_PAIN_OR_SWELLING(Urgency.CALL_PROVIDER_NOW, "ACOG804"),
	FEVER_OR_CHILLS(Urgency.CALL_PROVIDER_NOW, "MAYO-BACKPAIN", "NCT-KIDNEY"),
	BURNING_OR_FREQUENT_URINATION(Urgency.CALL_PROVIDER_NOW, "MAYO-BACKPAIN", "NCT-KIDNEY"),
	LEG_NUMBNESS_OR_WEAKNESS(Urgency.CALL_PROVIDER_NOW, "NHS-BACKPAIN"),
	SEVERE_OR_WORSENING_PAIN(Urgency.CALL_PROVIDER_NOW, "NHS-BACKPAIN"),
	PAIN_AFTER_FALL_OR_INJURY(Urgency.CALL_PROVIDER_NOW, "CLEVELAND-WARNING"),
	FEWER_BABY_MOVEMENTS(Urgency.CALL_PROVIDER_NOW, "CLEVELAND-WARNING"),
	SUDDEN_SWELLING(Urgency.CALL_PROVIDER_NOW, "CLEVELAND-WARNING"),
	BACK_PAIN_OVER_TWO_WEEKS(Urgency.MENTION_AT_NEXT_VISIT, "MAYO-BACKPAIN"),
	PAIN_DISTURBS_SLEEP(Urgency.MENTION_AT_NEXT_VISIT, "NHS-BACKPAIN");

	/** From this week on, contractions and leaking fluid are no longer preterm. */
	public static final int TERM_WEEK = 37;

	private final Urgency urgency;

	private final List<String> sources;

	Symptom(Urgency urgency, String... sources) {
		this.urgency = urgency;
		this.sources = List.of(sources);
	}

	/** @param age her week, or null when it is unknown (then the cautious, preterm reading applies) */
	public Urgency urgencyAt(@Nullable GestationalAge age) {
		if (dependsOnTerm() && age != null && age.isAtLeast(TERM_WEEK)) {
			return Urgency.CALL_PROVIDER_NOW;
		}
		return urgency;
	}

	/** Whether its urgency changes at {@link #TERM_WEEK}. */
	public boolean dependsOnTerm() {
		return this == REGULAR_PAINFUL_CONTRACTIONS || this == FLUID_LEAKING;
	}

	public List<String> sources() {
		return sources;
	}

}
