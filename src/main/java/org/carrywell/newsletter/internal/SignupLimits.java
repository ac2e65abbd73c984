package org.carrywell.newsletter.internal;

import org.carrywell.system.RateLimiter;

/** Sign-up rate limits: per client (network) address, and per e-mail address. */
public record SignupLimits(RateLimiter perClient, RateLimiter perAddress) {
}
