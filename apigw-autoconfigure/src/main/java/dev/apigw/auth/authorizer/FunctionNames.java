package dev.apigw.auth.authorizer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reduces an authorizer's {@code authorizerUri} to a function name: AWS's
 * {@code arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations}
 * form, a Lambda function ARN ({@code arn:aws:lambda:{region}:{account}:function:{name}[:{alias}]})
 * or a plain name; {@code ${stageVariables.x}} is replaced by the stage's value.
 */
final class FunctionNames {

	private static final Pattern INVOCATION_URI = Pattern
		.compile("arn:aws[\\w-]*:apigateway:[^:]*:lambda:path/[^/]+/functions/(.+)/invocations");

	private static final Pattern FUNCTION_ARN = Pattern
		.compile("arn:aws[\\w-]*:lambda:[^:]*:[^:]*:function:([^:]+)(?::([^:]+))?");

	private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");

	private FunctionNames() {
	}

	/**
	 * The function name an authorizer URI names for a stage.
	 * @param uri the authorizer URI
	 * @param stageVariables the stage's variables
	 * @return the name ({@code name} or {@code name:alias}), or {@code null} when a stage
	 * variable it uses is not defined
	 */
	static @Nullable String of(String uri, Map<String, String> stageVariables) {
		Matcher references = STAGE_VARIABLE.matcher(uri.trim());
		StringBuilder resolved = new StringBuilder();
		while (references.find()) {
			String value = stageVariables.get(references.group(1));
			if (value == null) {
				return null;
			}
			references.appendReplacement(resolved, Matcher.quoteReplacement(value));
		}
		references.appendTail(resolved);
		String text = resolved.toString();
		Matcher invocation = INVOCATION_URI.matcher(text);
		if (invocation.matches()) {
			text = invocation.group(1);
		}
		Matcher function = FUNCTION_ARN.matcher(text);
		if (function.matches()) {
			return (function.group(2) != null) ? function.group(1) + ":" + function.group(2) : function.group(1);
		}
		return text;
	}

}
