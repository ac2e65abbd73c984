package org.carrywell.newsletter.internal;

/** How far an issue's delivery has got. */
public record DeliveryCounts(long queued, long sending, long sent, long failed, long inDoubt, long cancelled) {

	public long total() {
		return queued + sending + sent + failed + inDoubt + cancelled;
	}

}
