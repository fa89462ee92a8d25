package dev.apigw.auth.jwt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The issuer URI of a {@code providerARNs} entry: a Cognito user pool ARN
 * ({@code arn:aws:cognito-idp:{region}:{account}:userpool/{id}}, whose issuer is
 * {@code https://cognito-idp.{region}.amazonaws.com/{id}}) or an issuer URI itself.
 */
final class Issuers {

	private static final Pattern USER_POOL = Pattern.compile("arn:aws[\\w-]*:cognito-idp:([^:]+):[^:]*:userpool/(.+)");

	private Issuers() {
	}

	static @Nullable String issuer(String provider) {
		String trimmed = provider.trim();
		Matcher pool = USER_POOL.matcher(trimmed);
		if (pool.matches()) {
			return "https://cognito-idp." + pool.group(1) + ".amazonaws.com/" + pool.group(2);
		}
		if (trimmed.startsWith("https://") || trimmed.startsWith("http://")) {
			return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
		}
		return null;
	}

}
