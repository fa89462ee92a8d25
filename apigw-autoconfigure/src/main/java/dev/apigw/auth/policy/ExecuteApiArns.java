package dev.apigw.auth.policy;

import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.StageRuntime;

/**
 * The ARNs of execute-api resources: {@code arn:aws:execute-api:{region}:{account}:{api}}
 * for an API and {@code .../{stage}/{METHOD}/{path}} for a method invocation.
 */
public final class ExecuteApiArns {

	private ExecuteApiArns() {
	}

	/**
	 * The ARN of an API, the prefix of its method ARNs.
	 * @param environment region and account
	 * @param apiId the API id
	 * @return the ARN
	 */
	public static String api(GatewayEnvironment environment, String apiId) {
		return "arn:aws:execute-api:" + environment.region() + ":" + environment.accountId() + ":" + apiId;
	}

	/**
	 * The ARN of the method a request invokes, as Lambda authorizers receive it in
	 * {@code methodArn}: the stage, the request's verb and the request path (without its
	 * leading slash; {@code /} for the root is an empty path).
	 * @param invocation the invocation
	 * @return the ARN
	 */
	public static String method(ApiInvocation invocation) {
		StageRuntime stage = invocation.stage();
		String path = invocation.path();
		String trimmed = path.startsWith("/") ? path.substring(1) : path;
		return api(stage.environment(), stage.api().id()) + "/" + stage.stageName() + "/" + invocation.httpMethod() + "/"
				+ trimmed;
	}

}
