package org.carrywell.catalogue;

/** A cause of pregnancy back pain an exercise addresses. */
public enum Cause {

	/** Relaxin loosens ligaments, so muscles work harder to keep joints stable. */
	LIGAMENT_LAXITY,
	/** The bump moves the centre of gravity forward: more lumbar arch, tight hip flexors. */
	POSTURE_SHIFT,
	/** The deep core (transverse abdominis) is stretched and supports the spine less. */
	CORE_STRETCH,
	/** Tight, tired muscles from all of the above. */
	MUSCLE_TENSION,
	/** Stress and poor sleep make pain feel worse. */
	STRESS

}
