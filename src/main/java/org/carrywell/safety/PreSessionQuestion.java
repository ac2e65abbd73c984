package org.carrywell.safety;

import java.util.List;

/**
 * The check before every session (rule book v2): a few plain yes/no questions, grouped so that every warning sign
 * that stops exercise is in exactly one of them: the ten of ACOG 804 and the product's own. A yes never starts the
 * session: it opens the warning-sign check with the group's signs offered, and what she ticks there decides.
 * The two signs to mention at the next visit (back pain over two weeks, pain that disturbs sleep) are not asked
 * before a session: they never stop one, and the diary and the warning-sign page offer them.
 */
public enum PreSessionQuestion {

	BLEEDING_OR_FLUID(Symptom.HEAVY_BLEEDING, Symptom.VAGINAL_BLEEDING, Symptom.FLUID_GUSH, Symptom.FLUID_LEAKING),
	CONTRACTIONS_OR_BELLY_PAIN(Symptom.REGULAR_PAINFUL_CONTRACTIONS, Symptom.ABDOMINAL_PAIN),
	CHEST_BREATH_OR_DIZZY(Symptom.CHEST_PAIN, Symptom.BREATHLESS_BEFORE_EXERTION, Symptom.DIZZINESS, Symptom.FAINTING),
	HEAD_EYES_OR_SWELLING(Symptom.SEVERE_HEADACHE_WITH_VISION_CHANGES, Symptom.HEADACHE, Symptom.SUDDEN_SWELLING),
	LEGS_OR_NUMBNESS(Symptom.CALF_PAIN_OR_SWELLING, Symptom.MUSCLE_WEAKNESS_AFFECTING_BALANCE,
			Symptom.LEG_NUMBNESS_OR_WEAKNESS, Symptom.SADDLE_NUMBNESS_OR_BLADDER_BOWEL_CHANGE),
	BABY_OR_FEVER(Symptom.FEWER_BABY_MOVEMENTS, Symptom.FEVER_OR_CHILLS, Symptom.BURNING_OR_FREQUENT_URINATION),
	PAIN_OR_FALL(Symptom.SEVERE_OR_WORSENING_PAIN, Symptom.PAIN_AFTER_FALL_OR_INJURY);

	private final List<Symptom> symptoms;

	PreSessionQuestion(Symptom... symptoms) {
		this.symptoms = List.of(symptoms);
	}

	/** The signs a yes offers on the warning-sign check. */
	public List<Symptom> symptoms() {
		return symptoms;
	}

}
