package dev.apigw.integration.lambda;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.apigw.routing.FunctionReference;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Context} a function invoked in-process gets: the request id, the function's
 * name, version and ARN, the time left until the integration timeout, and a logger writing
 * to the application's logging under {@code dev.apigw.lambda.<function>}.
 */
final class InProcessContext implements Context {

	private static final long MEGABYTE = 1024 * 1024;

	private final String requestId;

	private final FunctionReference function;

	private final String arn;

	private final long deadlineNanos;

	private final FunctionLogger logger;

	/**
	 * Creates a context.
	 * @param requestId the request id
	 * @param function the invoked function
	 * @param arn the invoked function's ARN
	 * @param deadlineNanos the {@link System#nanoTime()} at which the integration times out
	 */
	InProcessContext(String requestId, FunctionReference function, String arn, long deadlineNanos) {
		this.requestId = requestId;
		this.function = function;
		this.arn = arn;
		this.deadlineNanos = deadlineNanos;
		this.logger = new FunctionLogger(LogFactory.getLog("dev.apigw.lambda." + function.name()), requestId);
	}

	@Override
	public String getAwsRequestId() {
		return this.requestId;
	}

	@Override
	public String getLogGroupName() {
		return "/aws/lambda/" + this.function.name();
	}

	@Override
	public String getLogStreamName() {
		return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + "/["
				+ getFunctionVersion() + "]apigw";
	}

	@Override
	public String getFunctionName() {
		return this.function.name();
	}

	@Override
	public String getFunctionVersion() {
		String qualifier = this.function.qualifier();
		return (qualifier != null && qualifier.chars().allMatch(Character::isDigit)) ? qualifier : "$LATEST";
	}

	@Override
	public String getInvokedFunctionArn() {
		return this.arn;
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
		long remaining = (this.deadlineNanos - System.nanoTime()) / 1_000_000;
		return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
	}

	@Override
	public int getMemoryLimitInMB() {
		return (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / MEGABYTE);
	}

	@Override
	public LambdaLogger getLogger() {
		return this.logger;
	}

	private record FunctionLogger(Log log, String requestId) implements LambdaLogger {

		@Override
		public void log(String message) {
			log(message, LogLevel.UNDEFINED);
		}

		@Override
		public void log(byte[] message) {
			log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
		}

		@Override
		public void log(String message, LogLevel level) {
			String line = this.requestId + " " + message;
			switch (level) {
				case TRACE -> this.log.trace(line);
				case DEBUG -> this.log.debug(line);
				case WARN -> this.log.warn(line);
				case ERROR, FATAL -> this.log.error(line);
				default -> this.log.info(line);
			}
		}

		@Override
		public void log(byte[] message, LogLevel level) {
			log(new String(message, StandardCharsets.UTF_8), level);
		}

	}

}
