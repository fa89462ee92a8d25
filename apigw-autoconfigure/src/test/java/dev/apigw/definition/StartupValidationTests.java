package dev.apigw.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class StartupValidationTests {

	private static final String API = "apigw.apis.shop.";

	@Test
	void validDefinitionLoads() {
		List<Api> apis = load(base());
		assertThat(apis).singleElement().satisfies((api) -> {
			assertThat(api.resources()).hasSize(1);
			assertThat(api.stages()).containsKey("dev");
		});
	}

	@Test
	void unknownIntegrationTypeNamesApiResourceMethodAndField() {
		Map<String, String> properties = base();
		properties.put(API + "resources[0].methods.GET.integration.type", "SOAP");
		assertThat(problems(properties)).containsExactly("API 'shop', resource '/items', method GET, field "
				+ "'apigw.apis.shop.resources[0].methods.GET.integration.type' (application properties): Unknown integration "
				+ "type 'SOAP'; expected one of MOCK, HTTP, HTTP_PROXY, AWS (LAMBDA), AWS_PROXY (LAMBDA_PROXY)");
	}

	@Test
	void greedyVariableMustBeLast() {
		Map<String, String> properties = base();
		properties.put(API + "resources[0].path", "/{proxy+}/more");
		assertThat(problems(properties)).singleElement()
			.asString()
			.startsWith("API 'shop', resource '/{proxy+}/more', field 'path' (application properties): ")
			.contains("must be the last segment");
	}

	@Test
	void duplicateMethodIsRejected() {
		Map<String, String> properties = base();
		properties.put(API + "resources[0].methods.get.integration.type", "MOCK");
		assertThat(problems(properties)).singleElement()
			.asString()
			.contains("resource '/items', method GET")
			.contains("defined twice");
	}

	@Test
	void duplicateResourceIsRejected() {
		Map<String, String> properties = base();
		properties.put(API + "resources[1].path", "/items");
		properties.put(API + "resources[1].methods.POST.integration.type", "MOCK");
		assertThat(problems(properties)).singleElement().asString().contains("'/items' is defined twice");
	}

	@Test
	void malformedUriIsRejected() {
		Map<String, String> properties = base();
		properties.put(API + "resources[0].methods.GET.integration.uri", "not a uri");
		assertThat(problems(properties)).singleElement()
			.asString()
			.contains("method GET, field 'integration.uri'")
			.contains("is not an absolute http://, https:// or lb:// URI");
	}

	@Test
	void unknownStageVariableReferenceNamesTheStage() {
		Map<String, String> properties = base();
		properties.put(API + "resources[0].methods.GET.integration.uri", "http://${stageVariables.host}/items");
		assertThat(problems(properties)).singleElement()
			.asString()
			.contains("field 'integration.uri'")
			.contains("The stage variable 'host' is not defined in stage 'dev'");
	}

	@Test
	void invalidSelectionPatternAndTimeoutAreRejected() {
		Map<String, String> properties = base();
		properties.put(API + "resources[0].methods.GET.integration.timeout", "10ms");
		properties.put(API + "resources[0].methods.GET.integration.responses[0].selection-pattern", "4\\d{2");
		assertThat(problems(properties)).hasSize(2)
			.anySatisfy((problem) -> assertThat(problem).contains("at least 50 ms"))
			.anySatisfy((problem) -> assertThat(problem).contains("responses[0].selection-pattern")
				.contains("Not a valid Java regular expression"));
	}

	@Test
	void templateKeysMustBeContentTypes() {
		Map<String, String> properties = base();
		properties.put(API + "resources[0].methods.GET.integration.request-templates.applicationjson", "{}");
		assertThat(problems(properties)).singleElement()
			.asString()
			.contains("field 'integration.request-templates'")
			.contains("write \"[application/json]\"");
	}

	@Test
	void bracketedTemplateKeysKeepTheirSlash() {
		Map<String, String> properties = base();
		properties.put(API + "resources[0].methods.GET.integration.request-templates[application/json]", "{}");
		assertThat(load(properties).get(0).resources().get(0).methods().get("GET").integration().requestTemplates())
			.containsOnlyKeys("application/json");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		Map<String, String> properties = base();
		properties.put(API + "resources[0].methods.GET.integration.uri", "http://${stageVariables.host}/items");
		properties.put(API + "resources[1].path", "/{a+}/b");
		properties.put(API + "resources[1].methods.POST.integration.type", "GRPC");
		properties.put(API + "stages.dev.variables.bad", "has space");
		assertThat(problems(properties)).hasSize(4);
	}

	@Test
	void apiWithoutStagesIsRejected() {
		Map<String, String> properties = base();
		properties.remove(API + "stages.dev.description");
		assertThat(problems(properties)).singleElement().asString().contains("has no stage");
	}

	@Test
	void hopByHopAndHostHeaderMappingsAreRefusedNamingApiResourceMethodAndField() {
		Map<String, String> properties = base();
		String mappings = API + "resources[0].methods.GET.integration.request-parameters";
		for (String name : List.of("Host", "Connection", "keep-alive", "Upgrade", "TE", "Trailer", "Proxy-Authorization",
				"Proxy-Anything")) {
			properties.put(mappings + "[integration.request.header." + name + "]", "method.request.header.X-In");
		}
		properties.put(mappings + "[integration.request.multivalueheader.Connection]", "'close'");
		properties.put(mappings + "[integration.request.header.X-Fine]", "method.request.header.X-In");
		List<String> problems = problems(properties);
		assertThat(problems).hasSize(9).contains("API 'shop', resource '/items', method GET, field "
				+ "'integration.request-parameters[integration.request.header.Host]' (application properties): 'Host' "
				+ "cannot be mapped into the integration request: the host of the integration request is the "
				+ "integration URI's; remove the mapping", "API 'shop', resource '/items', method GET, field "
						+ "'integration.request-parameters[integration.request.header.Connection]' (application properties): "
						+ "'Connection' cannot be mapped into the integration request: it is a hop-by-hop header, which "
						+ "belongs to one connection and is the gateway's to set; remove the mapping");
		assertThat(problems).allSatisfy((problem) -> assertThat(problem).startsWith("API 'shop', resource '/items', "
				+ "method GET, field 'integration.request-parameters[integration.request.").contains("cannot be mapped"));
	}

	@Test
	void framingHeaderMappingsAreAcceptedAsAwsAcceptsThem() {
		Map<String, String> properties = base();
		String mappings = API + "resources[0].methods.GET.integration.request-parameters";
		properties.put(mappings + "[integration.request.header.Content-Length]", "'5'");
		properties.put(mappings + "[integration.request.header.Transfer-Encoding]", "'chunked'");
		assertThat(load(properties).get(0).resources().get(0).methods().get("GET").integration().requestParameters())
			.containsKeys("integration.request.header.Content-Length", "integration.request.header.Transfer-Encoding");
	}

	@Test
	void headerMappingTargetsMustBeHeaderNames() {
		Map<String, String> properties = base();
		properties.put(API + "resources[0].methods.GET.integration.request-parameters[integration.request.header.X(1)]",
				"'v'");
		properties.put(API + "resources[0].methods.GET.integration.responses[0].status-code", "200");
		properties.put(API + "resources[0].methods.GET.integration.responses[0].response-parameters"
				+ "[method.response.header.X@2]", "'v'");
		assertThat(problems(properties)).containsExactlyInAnyOrder("API 'shop', resource '/items', method GET, field "
				+ "'integration.request-parameters[integration.request.header.X(1)]' (application properties): 'X(1)' is "
				+ "not a header name (letters, digits and !#$%&'*+-.^_`|~)", "API 'shop', resource '/items', method GET, "
						+ "field 'integration.responses[0].response-parameters[method.response.header.X@2]' (application "
						+ "properties): 'X@2' is not a header name (letters, digits and !#$%&'*+-.^_`|~)");
	}

	@Test
	void applicationWithAHostMappingFailsToStartNamingTheMapping(CapturedOutput output) {
		SpringApplication application = new SpringApplication(StartupValidationTestApplication.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		assertThatThrownBy(() -> application.run("--server.port=0", "--" + API + "resources[0].path=/items",
				"--" + API + "resources[0].methods.GET.integration.type=HTTP",
				"--" + API + "resources[0].methods.GET.integration.uri=http://localhost:9/items",
				"--" + API + "resources[0].methods.GET.integration.request-parameters[integration.request.header.Host]="
						+ "method.request.header.X-Host",
				"--" + API + "stages.dev.description=x"))
			.hasRootCauseInstanceOf(InvalidApiDefinitionException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("API 'shop', resource '/items', method GET, field "
					+ "'integration.request-parameters[integration.request.header.Host]'")
			.contains("the host of the integration request is the integration URI's");
	}

	@Test
	void failureAnalysisListsEveryProblem() {
		Map<String, String> properties = base();
		properties.put(API + "resources[0].methods.GET.integration.type", "SOAP");
		InvalidApiDefinitionException failure = catchFailure(properties);
		FailureAnalysis analysis = new InvalidApiDefinitionFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).startsWith("The API definitions are invalid:")
			.contains("API 'shop', resource '/items', method GET");
		assertThat(analysis.getAction()).contains("docs/configuration.md");
	}

	@Test
	void applicationStartupFailsWithTheAnalysisNotAStackTrace(CapturedOutput output) {
		SpringApplication application = new SpringApplication(StartupValidationTestApplication.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		assertThatThrownBy(() -> application.run("--server.port=0", "--" + API + "resources[0].path=/items",
				"--" + API + "resources[0].methods.GET.integration.type=SOAP", "--" + API + "stages.dev.description=x"))
			.hasRootCauseInstanceOf(InvalidApiDefinitionException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("API 'shop', resource '/items', method GET, field "
					+ "'apigw.apis.shop.resources[0].methods.GET.integration.type'");
	}

	private static Map<String, String> base() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(API + "resources[0].path", "/items");
		properties.put(API + "resources[0].methods.GET.integration.type", "HTTP_PROXY");
		properties.put(API + "resources[0].methods.GET.integration.uri", "http://localhost:9/items");
		properties.put(API + "stages.dev.description", "development");
		return properties;
	}

	private static List<Api> load(Map<String, String> properties) {
		ApigwProperties bound = new Binder(new MapConfigurationPropertySource(properties)).bind("apigw", ApigwProperties.class)
			.get();
		return new ApiDefinitions(List.of(new PropertiesApiSource(bound, null))).load();
	}

	private static InvalidApiDefinitionException catchFailure(Map<String, String> properties) {
		return org.assertj.core.api.Assertions.catchThrowableOfType(InvalidApiDefinitionException.class,
				() -> load(properties));
	}

	private static List<String> problems(Map<String, String> properties) {
		assertThatExceptionOfType(InvalidApiDefinitionException.class).isThrownBy(() -> load(properties));
		return catchFailure(properties).getProblems().stream().map(Object::toString).toList();
	}

}
