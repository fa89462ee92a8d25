package dev.apigw.definition.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.OpenApiLoader;
import dev.apigw.model.Api;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads OpenAPI files through Spring's resource loading ({@code classpath:},
 * {@code file:}, URLs) and imports them, logging once what was ignored.
 */
public final class OpenApiFileLoader implements OpenApiLoader {

	private static final Log logger = LogFactory.getLog(OpenApiFileLoader.class);

	private final ResourceLoader resources;

	private final OpenApiImporter importer = new OpenApiImporter();

	/**
	 * Creates a loader.
	 * @param resources resolves locations
	 */
	public OpenApiFileLoader(ResourceLoader resources) {
		this.resources = resources;
	}

	@Override
	public Api load(String apiId, String location) {
		String source = "openapi " + location;
		Resource resource = this.resources.getResource(location);
		String content;
		try (InputStream in = resource.getInputStream()) {
			content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidApiDefinitionException(new Problem(source, apiId, null, null,
					"apigw.apis." + apiId + ".openapi", "Cannot read " + location + ": " + ex.getMessage()));
		}
		ImportResult result = this.importer.importWithWarnings(apiId, source, content);
		if (!result.warnings().isEmpty()) {
			logger.warn(result.describeWarnings());
		}
		return result.api();
	}

}
