package dev.apigw.template;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Velocity's own log, turned down to DEBUG under {@code dev.apigw.template.velocity}. Velocity logs
 * at ERROR for things a template does on purpose (comparing a number with a string, say), and a
 * template runs on every request: at ERROR an API owner could flood the gateway's logs.
 */
final class VelocityLog extends LegacyAbstractLogger {

	private static final long serialVersionUID = 1L;

	private static final Logger TARGET = LoggerFactory.getLogger("dev.apigw.template.velocity");

	VelocityLog() {
		this.name = TARGET.getName();
	}

	@Override
	public boolean isTraceEnabled() {
		return TARGET.isTraceEnabled();
	}

	@Override
	public boolean isDebugEnabled() {
		return TARGET.isDebugEnabled();
	}

	@Override
	public boolean isInfoEnabled() {
		return TARGET.isDebugEnabled();
	}

	@Override
	public boolean isWarnEnabled() {
		return TARGET.isDebugEnabled();
	}

	@Override
	public boolean isErrorEnabled() {
		return TARGET.isDebugEnabled();
	}

	@Override
	protected String getFullyQualifiedCallerName() {
		return VelocityLog.class.getName();
	}

	@Override
	protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
			Throwable throwable) {
		String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
		if (level == Level.TRACE) {
			TARGET.trace(message, throwable);
		}
		else {
			TARGET.debug("[{}] {}", level, message, throwable);
		}
	}

}
