package dev.apigw.actuate;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A part of the {@code apigw} actuator endpoint contributed by a feature: usage reports,
 * deployments, exports, API keys. Requests to {@code /actuator/apigw/{name}/...} are handed
 * to the section with that name.
 */
public interface ApigwEndpointSection {

	/**
	 * The first path segment this section answers, e.g. {@code usage}.
	 * @return the name
	 */
	String name();

	/**
	 * Answers a read.
	 * @param path the path segments after the name
	 * @param parameters the query parameters the endpoint accepts, those not given absent
	 * @return the answer, or {@code null} for 404
	 */
	@Nullable Object read(List<String> path, Map<String, String> parameters);

	/**
	 * Performs a write (a management action). Only called when write operations are
	 * enabled ({@code apigw.endpoint.write-operations-enabled}).
	 * @param path the path segments after the name
	 * @param parameters the request body fields the endpoint accepts, those not given absent
	 * @param principal who asked, for the audit log ({@code anonymous} when unknown)
	 * @return the answer, or {@code null} for 404
	 * @throws UnsupportedOperationException when the section has no writes
	 */
	default @Nullable Object write(List<String> path, Map<String, Object> parameters, String principal) {
		throw new UnsupportedOperationException("The " + name() + " section has no write operations");
	}

}
