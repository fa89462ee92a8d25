package dev.apigw.documentation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Swagger UI pages of the APIs ("apigw.swagger-ui"): one page per API and stage,
 * showing the stage's OpenAPI 3.0 export without AWS's extensions. Needs
 * org.webjars:swagger-ui on the class path.
 */
@ConfigurationProperties("apigw.swagger-ui")
public class SwaggerUiProperties {

	/**
	 * Whether the Swagger UI pages are served. Off by default: the pages tell anyone who
	 * can reach them the APIs' resources, parameters and models.
	 */
	private boolean enabled;

	/**
	 * Path of the pages: "{path}" lists the APIs and stages, "{path}/{api}/{stage}" is a
	 * stage's page. Must not lie inside an API mount.
	 */
	private String path = "/apigw/swagger-ui";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

}
