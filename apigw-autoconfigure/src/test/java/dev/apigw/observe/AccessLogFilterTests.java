package dev.apigw.observe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.InvocationFilter;
import dev.apigw.response.GatewayResponseWriter;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.test.StageHarness;
import dev.apigw.test.StageHarness.RecordingChain;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log phase compiled for a stage: stages without access log settings skip it;
 * otherwise one line per request, in the stage's format ({@code $context} variables, stage
 * variables, or one of AWS's presets by name), written at INFO to
 * {@code apigw.access.<api>.<stage>} or the configured destination when the request has
 * completed: with the status sent, the body bytes sent, the integration's status and
 * latency under both their names, and {@code -} for what is not known. The lines are read
 * from a Logback list appender on the stage's logger.
 */
class AccessLogFilterTests {

	private final AccessLogFilter phase = new AccessLogFilter();

	private final List<ListAppender<ILoggingEvent>> appenders = new ArrayList<>();

	@AfterEach
	void detachAppenders() {
		for (ListAppender<ILoggingEvent> appender : this.appenders) {
			appender.stop();
			Logger logger = (Logger) LoggerFactory.getLogger(appender.getName());
			logger.detachAppender(appender);
			logger.setLevel(null);
		}
	}

	@Test
	void aStageWithoutAccessLogSettingsDoesNotPassThroughThePhase() {
		assertThat(deploy(null).compile(this.phase)).isNull();
	}

	@Test
	void aLineInTheStagesFormatIsWrittenToTheStagesLoggerOnceTheRequestCompletes() {
		ListAppender<ILoggingEvent> log = capture("apigw.access.shop.dev");
		StageHarness stage = deploy(new AccessLogSettings("$context.requestId $context.httpMethod "
				+ "$context.resourcePath $context.path $context.status $context.responseLength $stageVariables.color",
				null));
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.GET, "/pets/7").build());
		RecordingChain chain = new RecordingChain((sent) -> {
			assertThat(log.list).isEmpty();
			return write(sent, HttpStatus.CREATED, "héllo");
		});
		assertThat(StageHarness.run(stage.compile(this.phase), exchange, chain)).isNull();
		assertThat(log.list).singleElement().satisfies((line) -> {
			assertThat(line.getLevel()).isEqualTo(Level.INFO);
			assertThat(line.getFormattedMessage())
				.isEqualTo(requestId(exchange) + " GET /pets/{petId} /dev/pets/7 201 6 blue");
		});
	}

	@Test
	void theIntegrationsStatusAndLatencyAreWrittenUnderBothTheirNames() {
		ListAppender<ILoggingEvent> log = capture("apigw.access.shop.dev");
		StageHarness stage = deploy(new AccessLogSettings("$context.requestId $context.status "
				+ "$context.integrationStatus $context.integration.status $context.integrationLatency "
				+ "$context.integration.latency", null));
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.GET, "/pets/7").build());
		RecordingChain chain = new RecordingChain((sent) -> {
			ApiInvocation invocation = StageHarness.invocation(sent);
			invocation.integrationStatus(502);
			invocation.integrationLatency(12);
			return write(sent, HttpStatus.OK, "mapped");
		});
		StageHarness.run(stage.compile(this.phase), exchange, chain);
		assertThat(lines(log)).containsExactly(requestId(exchange) + " 200 502 502 12 12");
	}

	@Test
	void whatIsNotKnownIsWrittenAsADash() {
		ListAppender<ILoggingEvent> log = capture("apigw.access.shop.dev");
		StageHarness stage = deploy(new AccessLogSettings("$context.requestId $context.integrationStatus "
				+ "$context.integration.latency $context.identity.caller $context.authorizer.principalId "
				+ "$context.error.message", null));
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.GET, "/pets/7").build());
		StageHarness.run(stage.compile(this.phase), exchange,
				new RecordingChain((sent) -> write(sent, HttpStatus.OK, "")));
		assertThat(lines(log)).containsExactly(requestId(exchange) + " - - - - -");
	}

	@Test
	void aGatewayResponseIsLoggedWithTheStatusAndBodySentAndItsError() {
		ListAppender<ILoggingEvent> log = capture("apigw.access.shop.dev");
		StageHarness stage = deploy(new AccessLogSettings("$context.requestId $context.status $context.responseLength "
				+ "$context.resourcePath $context.error.responseType", null));
		MockServerWebExchange exchange = stage.started(stage.request(HttpMethod.GET, "/owners").build());
		InvocationFilter invocation = new InvocationFilter(new GatewayResponseWriter(), StageHarness.MAX_BODY_SIZE,
				List.of());
		GatewayFilterChain invoked = (logged) -> invocation.filter(logged, new RecordingChain());
		StageHarness.run(stage.compile(this.phase), exchange, new RecordingChain(invoked));
		assertThat(lines(log)).containsExactly(requestId(exchange) + " 403 42 - MISSING_AUTHENTICATION_TOKEN");
	}

	@Test
	void aPresetNameSelectsAwsFormat() {
		ListAppender<ILoggingEvent> log = capture("apigw.access.shop.dev");
		StageHarness stage = deploy(new AccessLogSettings("clf", null));
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.GET, "/pets/7").build());
		StageHarness.run(stage.compile(this.phase), exchange,
				new RecordingChain((sent) -> write(sent, HttpStatus.OK, "{}")));
		assertThat(lines(log)).containsExactly(
				"- - - [01/Jan/1970:00:00:00 +0000] \"GET /pets/{petId} HTTP/1.1\" 200 2 " + requestId(exchange));
	}

	@Test
	void aDestinationNamesTheLoggerTheLinesGoTo() {
		ListAppender<ILoggingEvent> stageLog = capture("apigw.access.shop.dev");
		ListAppender<ILoggingEvent> destination = capture("audit.pets");
		StageHarness stage = deploy(
				new AccessLogSettings("$context.requestId $context.httpMethod $context.status", "audit.pets"));
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.GET, "/pets/7").build());
		StageHarness.run(stage.compile(this.phase), exchange,
				new RecordingChain((sent) -> write(sent, HttpStatus.NO_CONTENT, "")));
		assertThat(lines(destination)).containsExactly(requestId(exchange) + " GET 204");
		assertThat(stageLog.list).isEmpty();
	}

	@Test
	void aRequestThatFailsIsLoggedToo() {
		ListAppender<ILoggingEvent> log = capture("apigw.access.shop.dev");
		StageHarness stage = deploy(
				new AccessLogSettings("$context.requestId $context.httpMethod $context.resourcePath", null));
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.GET, "/pets/7").build());
		Throwable error = StageHarness.run(stage.compile(this.phase), exchange,
				new RecordingChain((sent) -> Mono.error(new IllegalStateException("failed"))));
		assertThat(error).hasMessage("failed");
		assertThat(lines(log)).containsExactly(requestId(exchange) + " GET /pets/{petId}");
	}

	private ListAppender<ILoggingEvent> capture(String logger) {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.setName(logger);
		appender.start();
		Logger target = (Logger) LoggerFactory.getLogger(logger);
		target.setLevel(Level.INFO);
		target.addAppender(appender);
		this.appenders.add(appender);
		return appender;
	}

	private static String requestId(MockServerWebExchange exchange) {
		return StageHarness.invocation(exchange).requestId();
	}

	private static List<String> lines(ListAppender<ILoggingEvent> appender) {
		return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String body) {
		exchange.getResponse().setStatusCode(status);
		return exchange.getResponse()
			.writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	private static StageHarness deploy(@Nullable AccessLogSettings settings) {
		return StageHarness.deploy(Api.builder("shop")
			.resource(Resource.of("/pets/{petId}",
					Method.builder("GET").integration(Integration.builder(IntegrationType.MOCK).build()).build()))
			.stage(Stage.builder("dev").variable("color", "blue").accessLogSettings(settings).build())
			.source("test")
			.build(), "dev");
	}

}
