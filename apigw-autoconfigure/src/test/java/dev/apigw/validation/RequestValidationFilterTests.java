package dev.apigw.validation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.test.StageHarness;
import dev.apigw.test.StageHarness.RecordingChain;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request validation phase compiled for a stage: what a method's validator checks, the
 * gateway response a refused request ends with and its {@code validationErrorString}, and
 * what is handed on.
 */
class RequestValidationFilterTests {

	private static final String PET = "{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}, "
			+ "\"price\": {\"type\": \"number\", \"minimum\": 25}}, \"required\": [\"name\", \"price\"]}";

	private final StageHarness stage = StageHarness.deploy(Api.builder("shop")
		.requestValidator(new RequestValidator("all", true, true))
		.requestValidator(new RequestValidator("params-only", false, true))
		.model("Pet", PET)
		.resource(Resource.of("/pets", Method.builder("POST")
			.requestValidator("all")
			.requestParameter("method.request.header.x-tenant", true)
			.requestModel("application/json", "Pet")
			.integration(mock())
			.build()))
		.resource(Resource.of("/pets/{petId}", Method.builder("GET")
			.requestValidator("params-only")
			.requestParameter("method.request.path.petId", true)
			.requestParameter("method.request.querystring.fields", true)
			.requestModel("application/json", "Pet")
			.integration(mock())
			.build()))
		.resource(Resource.of("/notes", Method.builder("GET").integration(mock()).build()))
		.stage(Stage.of("dev", Map.of()))
		.build(), "dev");

	private final GatewayFilter filter = this.stage.compile(new RequestValidationFilter());

	@Test
	void missingParametersEndTheRequestWithBadRequestParameters() {
		MockServerWebExchange exchange = this.stage.exchange(this.stage.request(HttpMethod.GET, "/pets/7?fields=").build());
		RecordingChain chain = new RecordingChain();
		Throwable error = StageHarness.run(this.filter, exchange, chain);
		assertThat(chain.called()).isFalse();
		assertThat(error).isInstanceOfSatisfying(GatewayResponseException.class, (ex) -> {
			assertThat(ex.getType()).isEqualTo(GatewayResponseType.BAD_REQUEST_PARAMETERS);
			assertThat(ex.getMessage()).isEqualTo("Missing required request parameters: [fields]");
		});
		assertThat(validationErrorString(exchange)).isEqualTo("Missing required request parameters: [fields]");
	}

	@Test
	void aBodyThatDoesNotMatchTheModelEndsTheRequestWithBadRequestBody() {
		MockServerWebExchange exchange = this.stage.exchange(this.stage.request(HttpMethod.POST, "/pets")
			.header("x-tenant", "t1")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"Rex\", \"price\": 1}"));
		RecordingChain chain = new RecordingChain();
		Throwable error = StageHarness.run(this.filter, exchange, chain);
		assertThat(chain.called()).isFalse();
		assertThat(error).isInstanceOfSatisfying(GatewayResponseException.class, (ex) -> {
			assertThat(ex.getType()).isEqualTo(GatewayResponseType.BAD_REQUEST_BODY);
			assertThat(ex.getMessage()).isEqualTo("Invalid request body");
		});
		assertThat(validationErrorString(exchange)).startsWith("[/price: ").endsWith("]");
	}

	@Test
	void aValidBodyIsHandedOnByteForByte() {
		String body = "{\"name\": \"Rex\",\n \"price\": 30.50}";
		MockServerWebExchange exchange = this.stage.exchange(this.stage.request(HttpMethod.POST, "/pets")
			.header("x-tenant", "t1")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body));
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		String handedOn = DataBufferUtils.join(chain.exchange().getRequest().getBody())
			.map((buffer) -> buffer.toString(StandardCharsets.UTF_8))
			.block();
		assertThat(handedOn).isEqualTo(body);
	}

	@Test
	void methodsWithoutAValidatorPassTheExchangeOnUntouched() {
		MockServerWebExchange exchange = this.stage.exchange(this.stage.request(HttpMethod.GET, "/notes").build());
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		assertThat(chain.exchange()).isSameAs(exchange);
	}

	@Test
	void aStageWithoutValidatedMethodsDoesNotRunThePhase() {
		StageHarness plain = StageHarness.deploy(Api.builder("shop")
			.resource(Resource.of("/notes", Method.builder("POST").requestModel("application/json", "Empty")
				.integration(mock()).build()))
			.stage(Stage.of("dev", Map.of()))
			.build(), "dev");
		assertThat(plain.compile(new RequestValidationFilter())).isNull();
	}

	@SuppressWarnings("unchecked")
	private static String validationErrorString(MockServerWebExchange exchange) {
		Map<String, Object> error = (Map<String, Object>) StageHarness.invocation(exchange).context().get("error");
		return (String) error.get("validationErrorString");
	}

	private static Integration mock() {
		return Integration.builder(IntegrationType.MOCK).build();
	}

}
