package dev.apigw.documentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;

import dev.apigw.definition.openapi.OpenApiExporter.Format;
import dev.apigw.definition.openapi.OpenApiExporter.Output;
import dev.apigw.model.Api;
import dev.apigw.routing.StageRuntime;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the Swagger UI page of every API and stage, outside the API mounts: an index at
 * {@code {path}}, a page at {@code {path}/{api}/{stage}}, the page's document at
 * {@code {path}/{api}/{stage}/openapi.json} (the stage's OpenAPI 3.0 export without AWS's
 * extensions, its server the stage's mount so that "Try it out" calls the gateway), and
 * Swagger UI's own files from the {@code org.webjars:swagger-ui} jar.
 */
public final class SwaggerUiRoutes {

	private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

	private static final Set<String> ASSETS = Set.of("swagger-ui.css", "index.css", "swagger-ui-bundle.js",
			"swagger-ui-standalone-preset.js", "favicon-32x32.png", "favicon-16x16.png");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApiExports exports;

	private final String path;

	private final String version;

	/**
	 * Creates the routes.
	 * @param exports exports stages
	 * @param path where the pages are served, e.g. {@code /apigw/swagger-ui}
	 */
	public SwaggerUiRoutes(ApiExports exports, String path) {
		this.exports = exports;
		this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		this.version = webjarVersion();
	}

	/**
	 * The router function serving the pages.
	 * @return the routes
	 */
	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET(this.path, this::index)
			.GET(this.path + "/assets/{file}", this::asset)
			.GET(this.path + "/{api}/{stage}", this::page)
			.GET(this.path + "/{api}/{stage}/openapi.json", this::document)
			.build();
	}

	private Mono<ServerResponse> index(ServerRequest request) {
		StringBuilder items = new StringBuilder();
		for (StageRuntime stage : this.exports.stages()) {
			String name = stage.api().id() + " / " + stage.stageName();
			String title = (stage.api().title() != null) ? ": " + stage.api().title() : "";
			items.append("<li><a href=\"").append(this.path).append('/').append(stage.api().id()).append('/')
				.append(stage.stageName()).append("\">").append(HtmlUtils.htmlEscape(name + title)).append("</a></li>\n");
		}
		String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"UTF-8\"><title>APIs</title></head>\n"
				+ "<body>\n<h1>APIs</h1>\n<ul>\n" + items + "</ul>\n</body>\n</html>\n";
		return ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(html);
	}

	private Mono<ServerResponse> page(ServerRequest request) {
		StageRuntime stage = this.exports.stage(request.pathVariable("api"), request.pathVariable("stage"));
		if (stage == null) {
			return ServerResponse.notFound().build();
		}
		String assets = this.path + "/assets/";
		String title = HtmlUtils.htmlEscape(((stage.api().title() != null) ? stage.api().title() : stage.api().id())
				+ " (" + stage.stageName() + ")");
		String document = this.path + "/" + stage.api().id() + "/" + stage.stageName() + "/openapi.json";
		String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n<title>" + title
				+ "</title>\n<link rel=\"stylesheet\" href=\"" + assets + "swagger-ui.css\">\n"
				+ "<link rel=\"stylesheet\" href=\"" + assets + "index.css\">\n"
				+ "<link rel=\"icon\" type=\"image/png\" href=\"" + assets + "favicon-32x32.png\" sizes=\"32x32\">\n"
				+ "</head>\n<body>\n<div id=\"swagger-ui\"></div>\n"
				+ "<script src=\"" + assets + "swagger-ui-bundle.js\" charset=\"UTF-8\"></script>\n"
				+ "<script src=\"" + assets + "swagger-ui-standalone-preset.js\" charset=\"UTF-8\"></script>\n"
				+ "<script>\nwindow.onload = function () {\n  window.ui = SwaggerUIBundle({\n    url: \"" + document
				+ "\",\n    dom_id: \"#swagger-ui\",\n    deepLinking: true,\n"
				+ "    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],\n"
				+ "    layout: \"StandaloneLayout\"\n  });\n};\n</script>\n</body>\n</html>\n";
		return ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(html);
	}

	private Mono<ServerResponse> document(ServerRequest request) {
		StageRuntime stage = this.exports.stage(request.pathVariable("api"), request.pathVariable("stage"));
		if (stage == null) {
			return ServerResponse.notFound().build();
		}
		ObjectNode document = (ObjectNode) JSON
			.readTree(this.exports.export(stage, Format.OAS30, false, Output.JSON, null));
		document.putArray("servers").addObject().put("url", mountPath(stage.api(), stage.stageName()));
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(document));
	}

	private Mono<ServerResponse> asset(ServerRequest request) {
		String file = request.pathVariable("file");
		if (!ASSETS.contains(file)) {
			return ServerResponse.notFound().build();
		}
		Resource resource = new ClassPathResource(WEBJAR + this.version + "/" + file);
		MediaType type = file.endsWith(".css") ? MediaType.valueOf("text/css")
				: file.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.valueOf("text/javascript");
		return ServerResponse.ok().contentType(type).cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
			.bodyValue(resource);
	}

	/**
	 * Where a stage is served by default: the API's base path (or {@code /{id}}) and the
	 * stage.
	 */
	static String mountPath(Api api, String stage) {
		String base = (api.basePath() != null) ? api.basePath() : "/" + api.id();
		return (base.endsWith("/") ? base : base + "/") + stage;
	}

	private static String webjarVersion() {
		try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties")
			.getInputStream()) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("org.webjars:swagger-ui is not on the class path", ex);
		}
	}

}
