package dev.apigw.definition;

import org.jspecify.annotations.Nullable;

/**
 * A stage's access log ("apigw.apis.<id>.stages.<name>.access-log-settings").
 */
public class AccessLogProperties {

	/**
	 * Line format of $context variables, or one of AWS's console presets CLF, JSON, XML, CSV.
	 */
	private @Nullable String format;

	/**
	 * Logger the lines are written to; "apigw.access.<api>.<stage>" when not set.
	 */
	private @Nullable String destination;

	public @Nullable String getFormat() {
		return this.format;
	}

	public void setFormat(@Nullable String format) {
		this.format = format;
	}

	public @Nullable String getDestination() {
		return this.destination;
	}

	public void setDestination(@Nullable String destination) {
		this.destination = destination;
	}

}
