package dev.apigw.actuate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.apigw.definition.openapi.OpenApiExporter.Format;
import dev.apigw.definition.openapi.OpenApiExporter.Output;
import dev.apigw.documentation.ApiExports;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;

/**
 * The {@code export} section of the {@code apigw} actuator endpoint, AWS's GetExport:
 * {@code /actuator/apigw/export/{apiId}/{stage}} with {@code format=oas30} (default) or
 * {@code swagger}, {@code extensions=true} (also {@code apigateway}, {@code integrations})
 * or {@code false} (default), {@code accepts=application/json} (default) or
 * {@code application/yaml}, and {@code documentationVersion}.
 */
public final class ExportEndpointSection implements ApigwEndpointSection {

	private static final MimeType JSON = MimeType.valueOf("application/json");

	private static final MimeType YAML = MimeType.valueOf("application/yaml");

	private final ApiExports exports;

	/**
	 * Creates the section.
	 * @param exports exports stages
	 */
	public ExportEndpointSection(ApiExports exports) {
		this.exports = exports;
	}

	@Override
	public String name() {
		return "export";
	}

	@Override
	public @Nullable Object read(List<String> path, Map<String, String> parameters) {
		if (path.size() != 2) {
			return null;
		}
		StageRuntime stage = this.exports.stage(path.get(0), path.get(1));
		if (stage == null) {
			return null;
		}
		Format format = format(parameters.get("format"));
		Boolean extensions = extensions(parameters.get("extensions"));
		Output output = output(parameters.get("accepts"));
		if (format == null) {
			return badRequest("format must be oas30 or swagger");
		}
		if (extensions == null) {
			return badRequest("extensions must be true or false (or apigateway, integrations)");
		}
		if (output == null) {
			return badRequest("accepts must be application/json or application/yaml");
		}
		try {
			String document = this.exports.export(stage, format, extensions, output,
					parameters.get("documentationVersion"));
			return new WebEndpointResponse<>(document, WebEndpointResponse.STATUS_OK,
					(output == Output.YAML) ? YAML : JSON);
		}
		catch (IllegalArgumentException ex) {
			return badRequest(String.valueOf(ex.getMessage()));
		}
	}

	private static @Nullable Format format(@Nullable String value) {
		if (value == null) {
			return Format.OAS30;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "oas30", "openapi", "openapi3" -> Format.OAS30;
			case "swagger", "swagger2", "swagger20" -> Format.SWAGGER2;
			default -> null;
		};
	}

	private static @Nullable Boolean extensions(@Nullable String value) {
		if (value == null) {
			return false;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "apigateway", "integrations" -> true;
			case "false", "none" -> false;
			default -> null;
		};
	}

	private static @Nullable Output output(@Nullable String value) {
		if (value == null) {
			return Output.JSON;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "application/json", "json" -> Output.JSON;
			case "application/yaml", "yaml", "application/x-yaml" -> Output.YAML;
			default -> null;
		};
	}

	private static WebEndpointResponse<Object> badRequest(String message) {
		return new WebEndpointResponse<>(Map.of("message", message), WebEndpointResponse.STATUS_BAD_REQUEST);
	}

}
