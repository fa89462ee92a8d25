package dev.apigw.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stage of an API: a named, addressable deployment with its variables and settings.
 *
 * @param name the stage name (alphanumerics, {@code -} and {@code _})
 * @param description a description
 * @param variables stage variables, usable in URIs, mappings and templates
 * @param methodSettings method setting key ({@code /pets/GET} or {@code * / *}) to settings
 * @param clientCertificate the name of the Spring Boot SSL bundle whose certificate the
 * stage presents to its HTTP backends (AWS's {@code clientCertificateId}); {@code null} for
 * none
 */
public record Stage(String name, @Nullable String description, Map<String, String> variables,
		Map<String, MethodSettings> methodSettings, @Nullable String clientCertificate) {

	/** The method settings key that applies to every method. */
	public static final String ALL_METHODS = "*/*";

	public Stage {
		variables = Copies.map(variables);
		methodSettings = Copies.map(methodSettings);
	}

	/**
	 * A stage without client certificate.
	 * @param name the name
	 * @param description a description
	 * @param variables stage variables
	 * @param methodSettings method settings
	 */
	public Stage(String name, @Nullable String description, Map<String, String> variables,
			Map<String, MethodSettings> methodSettings) {
		this(name, description, variables, methodSettings, null);
	}

	/**
	 * A stage with variables only.
	 * @param name the name
	 * @param variables the variables
	 * @return the stage
	 */
	public static Stage of(String name, Map<String, String> variables) {
		return new Stage(name, null, variables, Map.of());
	}

}
