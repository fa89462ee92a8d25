package dev.apigw.response;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.ReservedHeaders;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.template.MappingExpression;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes gateway responses: AWS's default for each type, or the API's customisation of
 * the type (or of DEFAULT_4XX / DEFAULT_5XX), with {@code $context} and
 * {@code $stageVariables} references in the body substituted (AWS does not run VTL here).
 */
public final class GatewayResponseWriter {

	/** The error type header. */
	public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

	private static final Log logger = LogFactory.getLog(GatewayResponseWriter.class);

	private static final String HEADER_PREFIX = "gatewayresponse.header.";

	/**
	 * Writes the gateway response for an outcome.
	 * @param exchange the exchange
	 * @param invocation the invocation
	 * @param outcome the outcome
	 * @return completion of the write
	 */
	public Mono<Void> write(ServerWebExchange exchange, ApiInvocation invocation, GatewayResponseException outcome) {
		ServerHttpResponse response = exchange.getResponse();
		GatewayResponseType type = outcome.getType();
		invocation.error(type, outcome.getMessage());
		if (response.isCommitted()) {
			logger.warn(exchange.getLogPrefix() + "Response already committed; cannot send gateway response " + type);
			return Mono.empty();
		}
		Map<GatewayResponseType, GatewayResponse> custom = invocation.stage().api().gatewayResponses();
		GatewayResponse customisation = custom.get(type);
		if (customisation == null) {
			customisation = custom.get(type.fallback());
		}
		int status = status(type, outcome, customisation);
		HttpHeaders headers = response.getHeaders();
		headers.clear();
		ResponseHeaders.addRequestIds(headers, invocation);
		headers.set(HttpHeaders.CONTENT_TYPE, ContentTypes.APPLICATION_JSON);
		if (type.errorType() != null) {
			headers.set(ERROR_TYPE_HEADER, type.errorType());
		}
		String body;
		if (customisation != null) {
			body = render(exchange, invocation, customisation, headers);
		}
		else {
			body = defaultBody(type, invocation);
		}
		response.setStatusCode(HttpStatusCode.valueOf(status));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		headers.setContentLength(bytes.length);
		DataBuffer buffer = response.bufferFactory().wrap(bytes);
		return response.writeWith(Mono.just(buffer));
	}

	private static int status(GatewayResponseType type, GatewayResponseException outcome,
			@Nullable GatewayResponse customisation) {
		if (customisation != null && customisation.statusCode() != null) {
			return customisation.statusCode();
		}
		if (outcome.getStatus() != null) {
			return outcome.getStatus();
		}
		if (type.defaultStatus() != null) {
			return type.defaultStatus();
		}
		return (type == GatewayResponseType.DEFAULT_5XX) ? 500 : 400;
	}

	private static String defaultBody(GatewayResponseType type, ApiInvocation invocation) {
		String body = type.defaultBody();
		if (body != null) {
			return (body.indexOf('$') < 0) ? body
					: substitute(body, invocation.context(), invocation.stage().stage().variables());
		}
		return substitute(type.defaultTemplate(), invocation.context(), invocation.stage().stage().variables());
	}

	private static String render(ServerWebExchange exchange, ApiInvocation invocation, GatewayResponse customisation,
			HttpHeaders headers) {
		Map<String, Object> context = invocation.context();
		Map<String, String> stageVariables = invocation.stage().stage().variables();
		if (!customisation.responseParameters().isEmpty()) {
			ServerHttpRequest request = exchange.getRequest();
			MappingExpression.Input input = new MappingExpression.Input(invocation.pathParameters(),
					request::getQueryParams, request.getHeaders(), stageVariables, () -> context, null, null, null);
			customisation.responseParameters().forEach((target, source) -> {
				if (target.startsWith(HEADER_PREFIX)) {
					try {
						String value = MappingExpression.parse(source).evaluate(input);
						String name = target.substring(HEADER_PREFIX.length());
						String wellFormed = (value != null) ? ReservedHeaders.wellFormedValue(value) : null;
						// the writer frames the response; a value taken from the request may not be a header
						if (wellFormed != null && ReservedHeaders.isToken(name) && !ReservedHeaders.isFraming(name)) {
							headers.set(name, wellFormed);
						}
					}
					catch (IllegalArgumentException ex) {
						logger.warn(exchange.getLogPrefix() + "Ignoring gateway response parameter " + target + ": "
								+ ex.getMessage());
					}
				}
			});
		}
		Map.Entry<String, String> template = ContentTypes.selectByAccept(customisation.responseTemplates(),
				ContentTypes.accept(exchange.getRequest().getHeaders()));
		if (template == null) {
			GatewayResponseType type = (invocation.errorType() != null) ? invocation.errorType() : customisation.type();
			return substitute(type.defaultTemplate(), context, stageVariables);
		}
		headers.set(HttpHeaders.CONTENT_TYPE, template.getKey());
		return substitute(template.getValue(), context, stageVariables);
	}

	/**
	 * Substitutes {@code $context.x.y} and {@code $stageVariables.x} references; unknown
	 * references become empty.
	 * @param template the template
	 * @param context {@code $context}
	 * @param stageVariables the stage variables
	 * @return the substituted text
	 */
	static String substitute(String template, Map<String, Object> context, Map<String, String> stageVariables) {
		if (template.indexOf('$') < 0) {
			return template;
		}
		return ContextTemplate.parse(template).render(context, stageVariables, "");
	}

}
