package dev.apigw.routing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The Lambda function a LAMBDA or LAMBDA_PROXY integration invokes, as written in its URI:
 * AWS's invocation ARN
 * ({@code arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function}/invocations}),
 * a function ARN ({@code arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}]}),
 * a partial ARN ({@code {account}:function:{name}}) or a plain name, optionally with an
 * alias or version ({@code name:live}).
 *
 * @param name the function name
 * @param qualifier the alias or version, {@code null} when none is given
 */
public record FunctionReference(String name, @Nullable String qualifier) {

	private static final Pattern INVOCATION_ARN = Pattern
		.compile("arn:[^:]+:apigateway:[^:]*:lambda:path/[0-9-]+/functions/(.+)/invocations");

	private static final Pattern FUNCTION_ARN = Pattern.compile("(?:arn:[^:]+:lambda:[^:]*:)?[^:]*:function:(.+)");

	private static final Pattern NAME = Pattern.compile("[^\\s:/]+");

	/**
	 * Parses the function reference of an integration URI (stage variables already
	 * substituted).
	 * @param uri the integration URI
	 * @return the reference, or {@code null} when the URI names no Lambda function (an AWS
	 * service ARN, an HTTP URL, an empty name)
	 */
	public static @Nullable FunctionReference parse(String uri) {
		String function = uri.trim();
		Matcher invocation = INVOCATION_ARN.matcher(function);
		if (invocation.matches()) {
			function = invocation.group(1);
		}
		else if (function.startsWith("arn:") && !function.contains(":lambda:")) {
			return null;
		}
		Matcher arn = FUNCTION_ARN.matcher(function);
		if (arn.matches()) {
			function = arn.group(1);
		}
		int colon = function.indexOf(':');
		String name = (colon >= 0) ? function.substring(0, colon) : function;
		String qualifier = (colon >= 0) ? function.substring(colon + 1) : null;
		if (!NAME.matcher(name).matches() || (qualifier != null && !NAME.matcher(qualifier).matches())) {
			return null;
		}
		return new FunctionReference(name, qualifier);
	}

	/**
	 * The function ARN as Lambda reports it to the function ({@code invokedFunctionArn}).
	 * @param region the region
	 * @param accountId the account id
	 * @return the ARN, with the qualifier when one was given
	 */
	public String arn(String region, String accountId) {
		String arn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + this.name;
		return (this.qualifier != null) ? arn + ":" + this.qualifier : arn;
	}

	@Override
	public String toString() {
		return (this.qualifier != null) ? this.name + ":" + this.qualifier : this.name;
	}

}
