package dev.apigw.auth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * A token's time claims judged on the gateway's clock, with a clock skew, by Spring
 * Security's validators. Split in two because AWS answers them differently: a token
 * without {@code exp}, or whose {@code nbf} or {@code iat} lies beyond the skew in the
 * future, is invalid ({@code Unauthorized}, checked while decoding); a token past its
 * {@code exp} (plus the skew) is expired ({@code The incoming token has expired}, checked
 * after decoding).
 */
final class TimeClaims {

	private final Clock clock;

	private final Duration skew;

	private final OAuth2TokenValidator<Jwt> valid;

	private final JwtTimestampValidator expiry;

	TimeClaims(Clock clock, Duration skew) {
		this.clock = clock;
		this.skew = skew;
		// Cognito always issues exp; a token without one would never expire
		this.valid = new DelegatingOAuth2TokenValidator<>(
				new JwtClaimValidator<@Nullable Instant>(JwtClaimNames.EXP, Objects::nonNull),
				new JwtClaimValidator<@Nullable Instant>(JwtClaimNames.NBF, notAhead()),
				// not JwtIssuedAtValidator: it also refuses tokens issued longer than the skew ago
				new JwtClaimValidator<@Nullable Instant>(JwtClaimNames.IAT, notAhead()));
		this.expiry = new JwtTimestampValidator(skew);
		this.expiry.setClock(clock);
		this.expiry.setAllowEmptyExpiryClaim(false);
	}

	/**
	 * What the decoder checks: {@code exp} present, {@code nbf} and {@code iat} (when
	 * present) not beyond the skew in the future.
	 * @return the validator
	 */
	OAuth2TokenValidator<Jwt> validity() {
		return this.valid;
	}

	/**
	 * Whether a token that passed {@link #validity()} is past its {@code exp} plus the skew.
	 * @param jwt the decoded token
	 * @return {@code true} when expired
	 */
	boolean expired(Jwt jwt) {
		// nbf passed validity() already, so the timestamp validator can only fail on exp here
		return this.expiry.validate(jwt).hasErrors();
	}

	private Predicate<@Nullable Instant> notAhead() {
		return (instant) -> instant == null || !instant.isAfter(this.clock.instant().plus(this.skew));
	}

}
