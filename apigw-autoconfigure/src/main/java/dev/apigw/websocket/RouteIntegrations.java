package dev.apigw.websocket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.apigw.integration.lambda.LambdaInvoker;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.routing.CompiledIntegration;
import dev.apigw.routing.FunctionReference;
import dev.apigw.template.MappingTemplate;
import dev.apigw.template.RenderRejectedException;
import dev.apigw.template.TemplateInput;
import dev.apigw.template.TemplateRenderException;
import dev.apigw.template.TemplateRenderer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Runs a route's integration for one event: AWS_PROXY gets the WebSocket event and answers
 * {@code {statusCode, headers, body}}; AWS (non-proxy), HTTP and MOCK get the message or
 * the request template rendered from it, and their answer goes through the integration
 * responses (selection pattern against the status or the Lambda error, response template);
 * HTTP_PROXY gets the message and answers with its body.
 */
final class RouteIntegrations {

	private static final Log logger = LogFactory.getLog(RouteIntegrations.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// MOCK request templates may write {statusCode: 200} with an unquoted key, as on AWS
	private static final JsonMapper LENIENT = JsonMapper.builder()
		.enable(tools.jackson.core.json.JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
		.build();

	private final @Nullable LambdaInvoker lambda;

	private final WebClient http;

	private final TemplateRenderer templates;

	RouteIntegrations(@Nullable LambdaInvoker lambda, WebClient http, TemplateRenderer templates) {
		this.lambda = lambda;
		this.http = http;
		this.templates = templates;
	}

	/**
	 * Invokes a route's integration.
	 * @param route the route
	 * @param event the event (proxy integrations)
	 * @param source the message, handshake and context
	 * @param requestId the request id
	 * @return the result; a {@link RouteFailure} when the integration fails
	 */
	Mono<RouteResult> invoke(CompiledRoute route, Map<String, Object> event, MessageSource source, String requestId) {
		CompiledIntegration integration = route.integration();
		if (integration == null) {
			return Mono.just(RouteResult.empty());
		}
		Integration definition = integration.definition();
		Mono<RouteResult> result = switch (definition.type()) {
			case AWS_PROXY -> lambdaProxy(integration, event, requestId);
			case AWS -> payload(route, source).flatMap((payload) -> lambda(route, integration, payload, source, requestId));
			case MOCK -> payload(route, source).flatMap((payload) -> mock(route, integration, payload, source));
			case HTTP, HTTP_PROXY -> payload(route, source).flatMap((payload) -> http(route, integration, payload, source));
		};
		return result.onErrorMap((error) -> !(error instanceof RouteFailure), (error) -> {
			boolean timeout = error instanceof TimeoutException;
			logger.warn("WebSocket route " + route.key() + " of " + source.context("apiId") + " failed: "
					+ (timeout ? "timed out after " + definition.timeout().toMillis() + " ms" : error.toString()));
			return new RouteFailure(String.valueOf(error.getMessage()), timeout);
		});
	}

	private Mono<RouteResult> lambdaProxy(CompiledIntegration integration, Map<String, Object> event,
			String requestId) {
		FunctionReference function = function(integration);
		return this.lambda.invoke(function, event, requestId, integration.definition().timeout())
			.map(RouteIntegrations::proxyResult);
	}

	private static RouteResult proxyResult(JsonNode result) {
		if (!result.isObject() || !(result.has("statusCode") || result.has("body") || result.has("headers"))) {
			// a bare value is the body, as a handler returning a String means it
			if (result.isNull() || result.isMissingNode()) {
				return RouteResult.empty();
			}
			String text = result.isString() ? result.asString() : result.toString();
			return new RouteResult(200, text.getBytes(StandardCharsets.UTF_8), Map.of());
		}
		JsonNode statusNode = result.get("statusCode");
		int status = 200;
		if (statusNode != null && !statusNode.isNull()) {
			if (statusNode.isNumber()) {
				status = statusNode.asInt();
			}
			else if (statusNode.isString() && statusNode.asString().matches("\\d{3}")) {
				status = Integer.parseInt(statusNode.asString());
			}
			else {
				throw new RouteFailure("Malformed Lambda proxy response: statusCode " + statusNode, false);
			}
		}
		Map<String, String> headers = new LinkedHashMap<>();
		JsonNode headerNode = result.get("headers");
		if (headerNode != null && headerNode.isObject()) {
			headerNode.properties().forEach((entry) -> headers.put(entry.getKey(), entry.getValue().asString()));
		}
		JsonNode body = result.get("body");
		byte[] bytes = null;
		if (body != null && !body.isNull()) {
			String text = body.isString() ? body.asString() : body.toString();
			JsonNode base64 = result.get("isBase64Encoded");
			bytes = (base64 != null && base64.asBoolean()) ? Base64.getDecoder().decode(text)
					: text.getBytes(StandardCharsets.UTF_8);
		}
		return new RouteResult(status, bytes, headers);
	}

	private Mono<RouteResult> lambda(CompiledRoute route, CompiledIntegration integration, String payload,
			MessageSource source, String requestId) {
		Object input;
		try {
			input = JSON.readValue(payload.isEmpty() ? "{}" : payload, Object.class);
		}
		catch (JacksonException ex) {
			return Mono.error(new RouteFailure("Could not parse request body into json: " + ex.getOriginalMessage(),
					false));
		}
		return this.lambda.invoke(function(integration), input, requestId, integration.definition().timeout())
			// what respond fails with is a RouteFailure, which is not resumed
			.flatMap((result) -> respond(integration, 200, JSON.writeValueAsString(result), null, source))
			.onErrorResume((error) -> !(error instanceof TimeoutException) && !(error instanceof RouteFailure),
					(error) -> {
						String message = (error.getMessage() != null) ? error.getMessage() : error.getClass().getName();
						return respond(integration, 200,
								new String(this.lambda.json(this.lambda.error(error)), StandardCharsets.UTF_8),
								message, source);
					});
	}

	private Mono<RouteResult> mock(CompiledRoute route, CompiledIntegration integration, String payload,
			MessageSource source) {
		int status;
		try {
			JsonNode node = LENIENT.readTree(payload);
			JsonNode code = (node != null) ? node.get("statusCode") : null;
			if (code == null || !code.isIntegralNumber()) {
				return Mono.error(new RouteFailure("Unable to parse statusCode. It should be an integer that is "
						+ "defined in the request template.", false));
			}
			status = code.asInt();
		}
		catch (JacksonException ex) {
			return Mono.error(new RouteFailure("Unable to parse statusCode: " + ex.getOriginalMessage(), false));
		}
		return respond(integration, status, "", null, source);
	}

	private Mono<RouteResult> http(CompiledRoute route, CompiledIntegration integration, String payload,
			MessageSource source) {
		Integration definition = integration.definition();
		String base = (integration.uri() != null) ? integration.uri().expand((name) -> "") : definition.uri();
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(String.valueOf(base));
		route.queryParameters().forEach((name, expression) -> {
			String value = expression.evaluate(source);
			if (value != null) {
				uri.queryParam(name, value);
			}
		});
		String method = (definition.httpMethod() != null && !"ANY".equalsIgnoreCase(definition.httpMethod()))
				? definition.httpMethod() : "POST";
		boolean binary = source.binary();
		byte[] body = binary ? Base64.getDecoder().decode(payload) : payload.getBytes(StandardCharsets.UTF_8);
		return this.http.method(HttpMethod.valueOf(method))
			.uri(URI.create(uri.build().toUriString()))
			.headers((headers) -> {
				headers.setContentType(binary ? MediaType.APPLICATION_OCTET_STREAM : MediaType.APPLICATION_JSON);
				route.headerParameters().forEach((name, expression) -> {
					String value = expression.evaluate(source);
					if (value != null) {
						headers.set(name, value);
					}
				});
			})
			.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> new HttpAnswer(response.statusCode().value(), bytes,
						response.headers().asHttpHeaders())))
			.timeout(definition.timeout())
			.flatMap((answer) -> {
				if (definition.type() == IntegrationType.HTTP_PROXY) {
					Map<String, String> headers = new LinkedHashMap<>();
					answer.headers().forEach((name, values) -> headers.put(name, values.get(0)));
					return Mono.just(new RouteResult(answer.status(), (answer.body().length > 0) ? answer.body() : null,
							headers));
				}
				return respond(integration, answer.status(), new String(answer.body(), StandardCharsets.UTF_8), null,
						source);
			});
	}

	/**
	 * The integration response phase: selects the response (pattern against the status, or
	 * the Lambda error message) and renders its template.
	 */
	private Mono<RouteResult> respond(CompiledIntegration integration, int status, String body,
			@Nullable String errorMessage, MessageSource source) {
		boolean lambdaSuccess = errorMessage == null && integration.definition().type() == IntegrationType.AWS;
		String value = (errorMessage != null) ? errorMessage : Integer.toString(status);
		CompiledIntegration.Response selected = integration.select(value, !lambdaSuccess);
		if (selected == null && lambdaSuccess) {
			selected = integration.select(null, true);
		}
		if (selected == null) {
			return Mono.error(new RouteFailure("No match for output mapping and no default output mapping configured. "
					+ "Endpoint Response Status Code: " + value, false));
		}
		Map<String, MappingTemplate> templates = selected.templates();
		MappingTemplate template = templates.containsKey("$default") ? templates.get("$default")
				: templates.containsKey("default") ? templates.get("default")
						: templates.isEmpty() ? null : templates.values().iterator().next();
		int statusCode = selected.statusCode();
		Mono<String> output = (template != null) ? render(template, body, source) : Mono.just(body);
		return output.map((text) -> new RouteResult(statusCode,
				text.isEmpty() ? null : text.getBytes(StandardCharsets.UTF_8), Map.of()));
	}

	/**
	 * The payload of a non-proxy integration: the request template the template selection
	 * expression picks (else the {@code $default} one) rendered over the message, or the
	 * message itself as the passthrough behavior allows.
	 */
	private Mono<String> payload(CompiledRoute route, MessageSource source) {
		CompiledIntegration integration = route.integration();
		String body = source.payload();
		Map<String, MappingTemplate> templates = integration.requestTemplates();
		if (templates.isEmpty()) {
			return (integration.definition().passthroughBehavior() == PassthroughBehavior.NEVER)
					? Mono.error(new RouteFailure("Unsupported Media Type: no template and passthrough NEVER", false))
					: Mono.just(body);
		}
		String key = route.templateSelection().evaluate(source);
		MappingTemplate template = (key != null) ? templates.get(key) : null;
		if (template == null) {
			template = templates.get("$default");
		}
		if (template == null) {
			return (integration.definition().passthroughBehavior() == PassthroughBehavior.WHEN_NO_MATCH)
					? Mono.just(body)
					: Mono.error(new RouteFailure("Unsupported Media Type: no template for '" + key + "'", false));
		}
		return render(template, body, source);
	}

	private Mono<String> render(MappingTemplate template, String body, MessageSource source) {
		return this.templates.render(template, () -> input(body, source))
			.map(TemplateRenderer.Rendered::output)
			.onErrorMap(TemplateRenderException.class, (ex) -> {
				// the summary leaves out what the message may have put into the failure's message
				logger.warn("WebSocket route of " + source.context("apiId") + ": " + ex.summary());
				return new RouteFailure(ex.getMessage(), false);
			})
			.onErrorMap(RenderRejectedException.class, (ex) -> new RouteFailure(ex.getMessage(), false));
	}

	private static TemplateInput input(String body, MessageSource source) {
		Map<String, String> headers = new LinkedHashMap<>();
		source.handshake().headers().forEach((name, values) -> {
			if (!values.isEmpty()) {
				headers.put(name, values.get(values.size() - 1));
			}
		});
		Map<String, String> query = new LinkedHashMap<>();
		source.handshake().query().forEach((name, values) -> {
			if (!values.isEmpty()) {
				query.put(name, values.get(values.size() - 1));
			}
		});
		return TemplateInput.builder()
			.body(body)
			.context(new LinkedHashMap<>(source.requestContext()))
			.headers(headers)
			.queryParams(query)
			.stageVariables(source.stageVariables())
			.build();
	}

	private FunctionReference function(CompiledIntegration integration) {
		if (this.lambda == null || integration.function() == null) {
			throw new RouteFailure("Execution failed due to configuration error: no Lambda function "
					+ integration.definition().uri(), false);
		}
		return integration.function();
	}

	/** What an HTTP integration answered, read before its integration response is rendered. */
	private record HttpAnswer(int status, byte[] body, org.springframework.http.HttpHeaders headers) {
	}

}
