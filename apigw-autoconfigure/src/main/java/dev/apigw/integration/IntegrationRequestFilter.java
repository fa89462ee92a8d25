package dev.apigw.integration;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.apigw.definition.Problems;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.PathSegments;
import dev.apigw.model.ReservedHeaders;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.ContentTypes;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.CompiledIntegration;
import dev.apigw.routing.IntegrationPayload;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.StageRuntime;
import dev.apigw.template.ContextOverrides;
import dev.apigw.template.MappingExpression;
import dev.apigw.template.MappingTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

/**
 * The integration request phase: applies parameter mappings, chooses between request
 * template and passthrough (and answers 415 where AWS does), and points the gateway at the
 * integration: an HTTP URL for the Netty routing filter, a {@code forward:} URL for a
 * handler of the application, or an in-process scheme ({@code mock:}, {@code lambda:}) for
 * the integration filters beside it.
 * <p>
 * Whatever mappings and overrides say, the gateway frames the request it sends itself
 * (framing, hop-by-hop and {@code Host} headers from an override are dropped, see
 * {@link ReservedHeaders}), and a value put into a path variable of the integration URI
 * stays in its segment ({@link PathValues}).
 */
public final class IntegrationRequestFilter implements PipelinePhase, GatewayFilter {

	/** The URL in-process MOCK integrations are routed to. */
	static final URI MOCK_URI = URI.create("mock://integration");

	/**
	 * The URL in-process Lambda integrations (LAMBDA and LAMBDA_PROXY) are routed to; the
	 * function is the compiled integration's.
	 */
	public static final URI LAMBDA_URI = URI.create("lambda://integration");

	private static final Log logger = LogFactory.getLog(IntegrationRequestFilter.class);

	private static final String INVALID_HEADER = "Invalid header value";

	private final MappingTemplates templates;

	/** The routes whose dropped header overrides were logged at WARN already. */
	private final Set<String> droppedOverridesLogged = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the filter.
	 * @param templates renders request templates
	 */
	public IntegrationRequestFilter(MappingTemplates templates) {
		this.templates = templates;
	}

	@Override
	public int getOrder() {
		return FilterOrders.INTEGRATION_REQUEST;
	}

	@Override
	public GatewayFilter compile(StageRuntime stage, Problems problems) {
		return this;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null) {
			return chain.filter(exchange);
		}
		MethodRuntime method = invocation.requiredMethod();
		CompiledIntegration integration = method.integration();
		if (integration.illegalMapping() != null) {
			// logged at WARN when the integration was compiled
			if (logger.isDebugEnabled()) {
				logger.debug(exchange.getLogPrefix() + "Execution failed due to configuration error: illegal mapping "
						+ integration.illegalMapping());
			}
			return Mono.error(new GatewayResponseException(GatewayResponseType.API_CONFIGURATION_ERROR));
		}
		IntegrationType type = integration.definition().type();
		return switch (type) {
			case HTTP_PROXY -> proxiedPayload(exchange, integration)
				.flatMap((payload) -> routeHttp(exchange, invocation, integration, payload, chain));
			case HTTP -> payload(exchange, invocation, integration)
				.flatMap((payload) -> routeHttp(exchange, invocation, integration, payload, chain));
			case MOCK -> payload(exchange, invocation, integration)
				.flatMap((payload) -> routeInProcess(exchange, payload, MOCK_URI, chain));
			case AWS -> payload(exchange, invocation, integration)
				.flatMap((payload) -> routeInProcess(exchange, payload, LAMBDA_URI, chain));
			case AWS_PROXY -> readBody(exchange)
				.map((body) -> new IntegrationPayload(body, exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
						text(body)))
				.flatMap((payload) -> routeInProcess(exchange, payload, LAMBDA_URI, chain));
		};
	}

	private static Mono<Void> routeInProcess(ServerWebExchange exchange, IntegrationPayload payload, URI url,
			GatewayFilterChain chain) {
		ApiInvocation.required(exchange).handoffs().integrationPayload(payload);
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, url);
		return chain.filter(exchange);
	}

	/**
	 * The integration request payload of a non-proxy integration: the rendered template for
	 * the request's content type, or the body passed through, or 415.
	 */
	private Mono<IntegrationPayload> payload(ServerWebExchange exchange, ApiInvocation invocation,
			CompiledIntegration integration) {
		Integration definition = integration.definition();
		String contentType = exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		String mediaType = ContentTypes.mediaType(contentType);
		Map<String, MappingTemplate> requestTemplates = integration.requestTemplates();
		MappingTemplate template = requestTemplates.get(mediaType);
		if (template == null) {
			PassthroughBehavior behavior = definition.passthroughBehavior();
			boolean refuse = (behavior == PassthroughBehavior.NEVER)
					|| (behavior == PassthroughBehavior.WHEN_NO_TEMPLATES && !requestTemplates.isEmpty());
			if (refuse) {
				return Mono.error(new GatewayResponseException(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE));
			}
			if (definition.type() == IntegrationType.HTTP && !integration.needsRequestBody()) {
				return Mono.just(IntegrationPayload.PASSTHROUGH);
			}
			return readBody(exchange).map((body) -> new IntegrationPayload(body, contentType, text(body)));
		}
		return readBody(exchange).flatMap((body) -> {
			String text = text(body);
			return this.templates.render(template, text, invocation, exchange)
				.map((rendered) -> new IntegrationPayload(rendered.getBytes(StandardCharsets.UTF_8), mediaType, text));
		});
	}

	/**
	 * The payload of a proxy integration: the body streamed through, or read first when a
	 * parameter mapping needs it.
	 */
	private static Mono<IntegrationPayload> proxiedPayload(ServerWebExchange exchange, CompiledIntegration integration) {
		if (!integration.needsRequestBody()) {
			return Mono.just(IntegrationPayload.PASSTHROUGH);
		}
		String contentType = exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		return readBody(exchange).map((body) -> new IntegrationPayload(body, contentType, text(body)));
	}

	private static String text(byte[] body) {
		return new String(body, StandardCharsets.UTF_8);
	}

	private static Mono<byte[]> readBody(ServerWebExchange exchange) {
		return DataBufferUtils.join(exchange.getRequest().getBody()).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
	}

	private Mono<Void> routeHttp(ServerWebExchange exchange, ApiInvocation invocation, CompiledIntegration integration,
			IntegrationPayload payload, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		boolean proxy = integration.definition().type().isProxy();
		MappingExpression.Input input = new MappingExpression.Input(invocation.pathParameters(), request::getQueryParams,
				request.getHeaders(), invocation.stage().stage().variables(), invocation::context, payload.requestBody(),
				null, null);
		ContextOverrides overrides = ContextOverrides
			.of(Map.of("requestOverride", invocation.requestOverride(), "responseOverride", Map.of()));
		URI url;
		try {
			url = URI.create(url(integration, input, proxy ? request.getURI().getRawQuery() : null, overrides));
		}
		catch (IllegalArgumentException ex) {
			logger.warn(exchange.getLogPrefix() + "Execution failed due to configuration error: invalid endpoint address: "
					+ ex.getMessage());
			return Mono.error(new GatewayResponseException(GatewayResponseType.API_CONFIGURATION_ERROR));
		}
		catch (GatewayResponseException ex) {
			logger.debug(exchange.getLogPrefix() + "Refused: a greedy path value has a dot segment");
			return Mono.error(ex);
		}
		HttpMethod httpMethod = httpMethod(integration.definition(), request.getMethod());
		String apiId = invocation.stage().api().id();
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, url);
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, integration.route());
		if (proxy && payload.body() == null && httpMethod.equals(request.getMethod()) && !"lb".equals(url.getScheme())
				&& !"forward".equals(url.getScheme()) && integration.headerMappings().isEmpty()
				&& overrides.requestHeaders().isEmpty()) {
			// the request goes on as it came, to another address, with the API id header
			// added where the gateway copies the headers anyway
			invocation.handoffs().forwardedAsItCame(true);
			return chain.filter(exchange);
		}
		ServerHttpRequest.Builder builder = request.mutate().method(httpMethod);
		if ("lb".equals(url.getScheme())) {
			// the load balancer keeps the request's path and query, taking only the host
			// from the chosen instance
			builder.uri(url);
		}
		else if ("forward".equals(url.getScheme())) {
			// the gateway's forward routing filter dispatches the request as it is, so it
			// takes the handler's path and the integration's query
			builder.uri(org.springframework.web.util.UriComponentsBuilder.fromUri(request.getURI())
				.replacePath(url.getRawPath())
				.replaceQuery(url.getRawQuery())
				.build(true)
				.toUri());
		}
		MappedRequestHeaders mapped = MappedRequestHeaders.of(integration, input, overrides.requestHeaders());
		if (!mapped.dropped().isEmpty()) {
			droppedOverrides(exchange, integration, mapped.dropped());
		}
		if (mapped.malformed()) {
			logger.debug(exchange.getLogPrefix() + "Refused: a mapped header name or value is not a header");
			return Mono.error(new GatewayResponseException(GatewayResponseType.DEFAULT_4XX, INVALID_HEADER, 400));
		}
		builder.headers((headers) -> {
			if (!proxy) {
				HttpHeaders original = new HttpHeaders();
				original.addAll(headers);
				headers.clear();
				headers.set(HttpHeaders.ACCEPT, "application/json");
				if (payload.body() != null) {
					if (payload.contentType() != null) {
						headers.set(HttpHeaders.CONTENT_TYPE, payload.contentType());
					}
				}
				else {
					copy(original, headers, HttpHeaders.CONTENT_TYPE);
					copy(original, headers, HttpHeaders.CONTENT_LENGTH);
					copy(original, headers, HttpHeaders.TRANSFER_ENCODING);
				}
				headers.set(HttpHeaders.USER_AGENT, "AmazonAPIGateway_" + apiId);
			}
			headers.set(ApiIdHeaderFilter.HEADER, apiId);
			mapped.headers().forEach(headers::set);
			if (payload.body() != null) {
				// the body sent is these bytes, whatever the client's headers or a template said
				headers.remove(HttpHeaders.TRANSFER_ENCODING);
				headers.setContentLength(payload.body().length);
			}
		});
		ServerHttpRequest mutated = builder.build();
		if (payload.body() != null) {
			mutated = withBody(mutated, exchange.getResponse().bufferFactory().wrap(payload.body()));
		}
		return chain.filter(exchange.mutate().request(mutated).build());
	}

	/**
	 * Says that a template tried to set headers the gateway sets itself: once per method at
	 * WARN, then at DEBUG; with the names only, never a value.
	 */
	private void droppedOverrides(ServerWebExchange exchange, CompiledIntegration integration, List<String> names) {
		String route = (integration.route() != null) ? integration.route().getId() : "(no route)";
		boolean first = this.droppedOverridesLogged.add(route);
		if (first || logger.isDebugEnabled()) {
			Set<String> loggable = new TreeSet<>();
			names.forEach((name) -> loggable.add(ReservedHeaders.loggable(name)));
			String message = exchange.getLogPrefix() + "Route " + route + ": dropped $context.requestOverride.header "
					+ loggable + ": framing, hop-by-hop and Host headers are the gateway's to set";
			if (first) {
				logger.warn(message + " (said once per method)");
			}
			else {
				logger.debug(message);
			}
		}
	}

	private static void copy(HttpHeaders from, HttpHeaders to, String name) {
		if (from.containsHeader(name)) {
			to.put(name, from.get(name));
		}
	}

	private static String url(CompiledIntegration integration, MappingExpression.Input input,
			@Nullable String proxiedQuery, ContextOverrides overrides) {
		Map<String, String> pathOverrides = overrides.requestPaths();
		String base = integration.uri().expand((name) -> {
			String overridden = pathOverrides.get(name);
			if (overridden != null) {
				return PathValues.segment(overridden);
			}
			MappingExpression source = integration.pathMappings().get(name);
			String value = (source != null) ? source.evaluate(input) : null;
			if (value == null) {
				return null;
			}
			if (!source.isRawPath()) {
				return PathValues.segment(value);
			}
			if (!integration.greedyPathTargets().contains(name)) {
				return PathValues.rawSegment(value);
			}
			if (PathValues.walksOut(value)) {
				throw new GatewayResponseException(GatewayResponseType.DEFAULT_4XX, PathSegments.DOT_SEGMENTS, 400);
			}
			return value;
		});
		StringBuilder url = new StringBuilder(base);
		char separator = (base.indexOf('?') >= 0) ? '&' : '?';
		if (proxiedQuery != null && !proxiedQuery.isEmpty()) {
			url.append(separator).append(proxiedQuery);
			separator = '&';
		}
		Map<String, String> query = new LinkedHashMap<>();
		for (Map.Entry<String, MappingExpression> mapping : integration.queryMappings().entrySet()) {
			String value = mapping.getValue().evaluate(input);
			if (value != null) {
				query.put(mapping.getKey(), value);
			}
		}
		query.putAll(overrides.requestQuerystrings());
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			url.append(separator)
				.append(UriUtils.encodeQueryParam(parameter.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(UriUtils.encodeQueryParam(parameter.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return url.toString();
	}

	private static HttpMethod httpMethod(Integration integration, HttpMethod requested) {
		String configured = integration.httpMethod();
		if (configured == null || configured.isBlank() || "ANY".equalsIgnoreCase(configured)) {
			return requested;
		}
		return HttpMethod.valueOf(configured.toUpperCase(java.util.Locale.ROOT));
	}

	private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer body) {
		return new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.just(body);
			}

		};
	}

}
