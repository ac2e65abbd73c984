package org.carrywell.safety;

import java.util.List;

/**
 * The screening questions (GAQ-P style, yes/no), grouped as the GAQ-P groups them. The severity of a "yes"
 * is the rule book's: some always rule a plan out, some ask for clearance first, and two depend on the week.
 * Sources: the absolute and relative contraindications of ACOG Committee Opinion 804 and the 2019 Canadian
 * guideline; where they differ, the more cautious one.
 */
public enum ScreeningQuestion {

	HEART_DISEASE(Group.CONDITIONS_NOW, Severity.NOT_ADVISED),
	RESTRICTIVE_LUNG_DISEASE(Group.CONDITIONS_NOW, Severity.NOT_ADVISED),
	CERVICAL_INSUFFICIENCY_OR_CERCLAGE(Group.CONDITIONS_NOW, Severity.NOT_ADVISED),
	PERSISTENT_BLEEDING(Group.CONDITIONS_NOW, Severity.NOT_ADVISED),
	/** Not advised from week 26; before that, clearance first. */
	PLACENTA_PREVIA(Group.CONDITIONS_NOW, Severity.BY_WEEK),
	PRETERM_LABOUR(Group.CONDITIONS_NOW, Severity.NOT_ADVISED),
	RUPTURED_MEMBRANES(Group.CONDITIONS_NOW, Severity.NOT_ADVISED),
	PREECLAMPSIA_OR_GESTATIONAL_HYPERTENSION(Group.CONDITIONS_NOW, Severity.NOT_ADVISED),
	SEVERE_ANAEMIA(Group.CONDITIONS_NOW, Severity.NOT_ADVISED),
	FETAL_GROWTH_RESTRICTION(Group.CONDITIONS_NOW, Severity.NOT_ADVISED),
	/** Triplets or more, or twins from week 28. */
	MULTIPLE_PREGNANCY_HIGH_ORDER_OR_LATE(Group.CONDITIONS_NOW, Severity.NOT_ADVISED),
	UNCONTROLLED_DIABETES_HYPERTENSION_OR_THYROID(Group.CONDITIONS_NOW, Severity.NOT_ADVISED),
	ANAEMIA(Group.CONDITIONS_NOW, Severity.CLEARANCE_NEEDED),
	UNEVALUATED_ARRHYTHMIA(Group.CONDITIONS_NOW, Severity.CLEARANCE_NEEDED),
	CHRONIC_BRONCHITIS(Group.CONDITIONS_NOW, Severity.CLEARANCE_NEEDED),
	EXTREME_OBESITY(Group.CONDITIONS_NOW, Severity.CLEARANCE_NEEDED),
	EXTREME_UNDERWEIGHT(Group.CONDITIONS_NOW, Severity.CLEARANCE_NEEDED),
	ORTHOPAEDIC_LIMITATIONS(Group.CONDITIONS_NOW, Severity.CLEARANCE_NEEDED),
	UNCONTROLLED_SEIZURES(Group.CONDITIONS_NOW, Severity.CLEARANCE_NEEDED),
	HEAVY_SMOKER(Group.CONDITIONS_NOW, Severity.CLEARANCE_NEEDED),
	EATING_DISORDER_OR_MALNUTRITION(Group.CONDITIONS_NOW, Severity.CLEARANCE_NEEDED),
	/** Twins: clearance first before week 28; from week 28 the rule book rules a plan out. */
	MULTIPLE_PREGNANCY(Group.CONDITIONS_NOW, Severity.BY_WEEK),
	RECURRENT_MISCARRIAGE(Group.EARLIER_PREGNANCIES, Severity.CLEARANCE_NEEDED),
	PREVIOUS_PRETERM_BIRTH(Group.EARLIER_PREGNANCIES, Severity.CLEARANCE_NEEDED),
	OTHER_MEDICAL_CONDITION(Group.OTHER_CONDITIONS, Severity.CLEARANCE_NEEDED),
	OTHER_CONCERN(Group.CONCERNS, Severity.CLEARANCE_NEEDED);

	/** The GAQ-P's four parts. */
	public enum Group {

		CONDITIONS_NOW, EARLIER_PREGNANCIES, OTHER_CONDITIONS, CONCERNS

	}

	enum Severity {

		NOT_ADVISED, CLEARANCE_NEEDED, BY_WEEK

	}

	/** Sources of every screening rule. */
	public static final List<String> SOURCES = List.of("ACOG804", "MOTTOLA2018", "GAQP2021");

	private final Group group;

	private final Severity severity;

	ScreeningQuestion(Group group, Severity severity) {
		this.group = group;
		this.severity = severity;
	}

	public Group group() {
		return group;
	}

	/** What a "yes" to this question means at this stage of pregnancy. */
	public ScreeningOutcome outcomeOfYes(GestationalAge age) {
		return switch (severity) {
			case NOT_ADVISED -> ScreeningOutcome.NOT_ADVISED;
			case CLEARANCE_NEEDED -> ScreeningOutcome.CLEARANCE_NEEDED;
			case BY_WEEK -> age.isAtLeast(weekFromWhichNotAdvised()) ? ScreeningOutcome.NOT_ADVISED
					: ScreeningOutcome.CLEARANCE_NEEDED;
		};
	}

	private int weekFromWhichNotAdvised() {
		return this == PLACENTA_PREVIA ? 26 : 28;
	}

}
