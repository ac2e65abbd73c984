package org.carrywell.safety;

/** A condition a person may declare; some of them switch safety rules on. Ids are shared with the API. */
public enum Condition {

	PELVIC_GIRDLE_PAIN, DIASTASIS_RECTI, SCIATICA, CARPAL_TUNNEL, TWINS

}
