package dev.apigw.observe;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.apigw.definition.Problems;
import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.ContextTemplate;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Stage access logs: for stages with access log settings, one line per request in the
 * stage's format of {@code $context} variables, written at INFO to the stage's logger
 * ({@code apigw.access.<api>.<stage>} unless a destination is set), so the application's
 * logging decides where lines go. Besides the request's {@code $context}, lines can use
 * {@code $context.status}, {@code responseLength} (body bytes sent), {@code responseLatency}
 * (ms), {@code integrationLatency} / {@code integration.latency} (ms) and
 * {@code integrationStatus} / {@code integration.status}. Values that are not known are
 * written {@code -}, as AWS writes them.
 */
public final class AccessLogFilter implements PipelinePhase {

	/** AWS's console presets, by name. */
	static final Map<String, String> PRESETS = Map.of("CLF",
			"$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "
					+ "\"$context.httpMethod $context.resourcePath $context.protocol\" $context.status "
					+ "$context.responseLength $context.requestId",
			"JSON",
			"{ \"requestId\":\"$context.requestId\", \"ip\": \"$context.identity.sourceIp\", "
					+ "\"caller\":\"$context.identity.caller\", \"user\":\"$context.identity.user\", "
					+ "\"requestTime\":\"$context.requestTime\", \"httpMethod\":\"$context.httpMethod\", "
					+ "\"resourcePath\":\"$context.resourcePath\", \"status\":\"$context.status\", "
					+ "\"protocol\":\"$context.protocol\", \"responseLength\":\"$context.responseLength\" }",
			"XML",
			"<request id=\"$context.requestId\"> <ip>$context.identity.sourceIp</ip> "
					+ "<caller>$context.identity.caller</caller> <user>$context.identity.user</user> "
					+ "<requestTime>$context.requestTime</requestTime> <httpMethod>$context.httpMethod</httpMethod> "
					+ "<resourcePath>$context.resourcePath</resourcePath> <status>$context.status</status> "
					+ "<protocol>$context.protocol</protocol> <responseLength>$context.responseLength</responseLength> "
					+ "</request>",
			"CSV",
			"$context.identity.sourceIp,$context.identity.caller,$context.identity.user,$context.requestTime,"
					+ "$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,"
					+ "$context.responseLength,$context.requestId");

	private static final Log logger = LogFactory.getLog(AccessLogFilter.class);

	@Override
	public int getOrder() {
		return FilterOrders.ACCESS_LOG;
	}

	/**
	 * Parses the stage's access log format and finds its logger, once per deployment.
	 */
	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		AccessLogSettings settings = stage.stage().accessLogSettings();
		if (settings == null) {
			return null;
		}
		ContextTemplate format = ContextTemplate.parse(format(settings.format()));
		Log log = LogFactory.getLog((settings.destination() != null) ? settings.destination()
				: "apigw.access." + stage.api().id() + "." + stage.stageName());
		return new StageAccessLog(log, format);
	}

	/**
	 * The format a setting names: one of AWS's presets, or the format itself.
	 * @param format the configured format
	 * @return the format text
	 */
	public static String format(String format) {
		return PRESETS.getOrDefault(format.trim().toUpperCase(Locale.ROOT), format);
	}

	/**
	 * The access log of one stage: its logger and its parsed format.
	 */
	private record StageAccessLog(Log log, ContextTemplate format) implements GatewayFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			ApiInvocation invocation = ApiInvocation.required(exchange);
			Counting response = new Counting(exchange.getResponse());
			return chain.filter(exchange.mutate().response(response).build())
				.doFinally((signal) -> log(invocation, response));
		}

		private void log(ApiInvocation invocation, Counting response) {
			if (!this.log.isInfoEnabled()) {
				return;
			}
			try {
				Map<String, Object> context = invocation.context();
				HttpStatusCode status = response.getStatusCode();
				context.put("status", (status != null) ? status.value() : 200);
				context.put("responseLength", response.length.get());
				context.put("responseLatency", invocation.elapsedNanos() / 1_000_000);
				Map<String, Object> integration = new HashMap<>();
				if (invocation.integrationLatency() >= 0) {
					integration.put("latency", invocation.integrationLatency());
				}
				if (invocation.integrationStatus() >= 0) {
					integration.put("status", invocation.integrationStatus());
				}
				context.put("integration", integration);
				this.log.info(this.format.render(context, invocation.stage().stage().variables(), "-"));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not write an access log line", ex);
			}
		}

	}

	private static final class Counting extends ServerHttpResponseDecorator {

		private final AtomicLong length = new AtomicLong();

		Counting(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return super.writeWith(Flux.from(body).doOnNext((buffer) -> this.length.addAndGet(buffer.readableByteCount())));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return super.writeAndFlushWith(Flux.from(body)
				.map((part) -> Flux.from(part).doOnNext((buffer) -> this.length.addAndGet(buffer.readableByteCount()))));
		}

	}

}
