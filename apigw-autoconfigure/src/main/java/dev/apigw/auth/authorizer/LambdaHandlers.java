package dev.apigw.auth.authorizer;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Adapts {@code aws-lambda-java-core} {@link RequestHandler}s to
 * {@link AuthorizerFunction}s. Only loaded when the Lambda libraries are present.
 */
final class LambdaHandlers {

	private LambdaHandlers() {
	}

	@SuppressWarnings("unchecked")
	static @Nullable AuthorizerFunction adapt(String name, Object target) {
		if (!(target instanceof RequestHandler<?, ?> handler)) {
			return null;
		}
		Class<?> input = ResolvableType.forInstance(target).as(RequestHandler.class).getGeneric(0).resolve(Object.class);
		RequestHandler<Object, Object> raw = (RequestHandler<Object, Object>) handler;
		return (event) -> {
			Object argument = (Map.class.isAssignableFrom(input) || input == Object.class) ? event
					: EventJson.convert(event, input);
			return EventJson.toMap(raw.handleRequest(argument, new InProcessContext(name)));
		};
	}

	static Set<String> names(ListableBeanFactory beans) {
		return Set.of(beans.getBeanNamesForType(RequestHandler.class));
	}

	/**
	 * The context an in-process invocation gets: a function name, a request id and a logger.
	 */
	private static final class InProcessContext implements Context {

		private static final Log logger = LogFactory.getLog(LambdaHandlers.class);

		private final String name;

		private final String requestId = UUID.randomUUID().toString();

		InProcessContext(String name) {
			this.name = name;
		}

		@Override
		public String getAwsRequestId() {
			return this.requestId;
		}

		@Override
		public String getLogGroupName() {
			return "/aws/lambda/" + this.name;
		}

		@Override
		public String getLogStreamName() {
			return "in-process";
		}

		@Override
		public String getFunctionName() {
			return this.name;
		}

		@Override
		public String getFunctionVersion() {
			return "$LATEST";
		}

		@Override
		public String getInvokedFunctionArn() {
			return "arn:aws:lambda:::function:" + this.name;
		}

		@Override
		public @Nullable CognitoIdentity getIdentity() {
			return null;
		}

		@Override
		public @Nullable ClientContext getClientContext() {
			return null;
		}

		@Override
		public int getRemainingTimeInMillis() {
			return 30_000;
		}

		@Override
		public int getMemoryLimitInMB() {
			return 128;
		}

		@Override
		public LambdaLogger getLogger() {
			return new LambdaLogger() {

				@Override
				public void log(String message) {
					logger.info(message);
				}

				@Override
				public void log(byte[] message) {
					logger.info(new String(message, java.nio.charset.StandardCharsets.UTF_8));
				}

			};
		}

	}

}
