package dev.apigw.template;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.apigw.template.Rendering.ENGINE;
import static dev.apigw.template.Rendering.input;
import static dev.apigw.template.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code $context} (reads, overrides), {@code $stageVariables} and {@link ContextOverrides}. */
class ContextVariableTests {

	private static Map<String, Object> context() {
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("sourceIp", "192.0.2.1");
		identity.put("userAgent", "curl/8.0");
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", "user-1");
		claims.put("email", "a@example.com");
		Map<String, Object> authorizer = new LinkedHashMap<>();
		authorizer.put("principalId", "p-1");
		authorizer.put("tier", "1");
		authorizer.put("claims", claims);
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("requestId", "req-1");
		context.put("requestTimeEpoch", 1583349317000L);
		context.put("identity", identity);
		context.put("authorizer", authorizer);
		return context;
	}

	@Test
	void contextVariablesComeFromTheMapTheyAreGiven() {
		TemplateInput input = input().context(context()).build();
		assertThat(render("$context.requestId $context.identity.sourceIp $context.requestTimeEpoch [$context.apiId]", input))
			.isEqualTo("req-1 192.0.2.1 1583349317000 []");
		assertThat(render("$context.identity", input)).isEqualTo("{sourceIp=192.0.2.1, userAgent=curl/8.0}");
	}

	@Test
	void claimsThemselvesPrintNothingButTheirPropertiesResolve() {
		TemplateInput input = input().context(context()).build();
		assertThat(render("[$context.authorizer.claims] $context.authorizer.claims.sub $context.authorizer.claims['email']"
				+ " $context.authorizer.principalId $context.authorizer.tier", input))
			.isEqualTo("[] user-1 a@example.com p-1 1");
	}

	@Test
	void responseOverridesSetInATemplateAreReadBack() {
		TemplateInput input = input().context(context()).build();
		String out = render("#set($context.responseOverride.status = 444)#set($context.responseOverride.header.foo = \"bar\")",
				input);
		ContextOverrides overrides = ContextOverrides.of(input.context());
		assertThat(out).isEmpty();
		assertThat(overrides.responseStatus()).isEqualTo(444);
		assertThat(overrides.responseHeaders()).containsExactly(Map.entry("foo", "bar"));
	}

	@Test
	void requestOverridesCanBeSetInEveryWayAwsAccepts() {
		Map<String, Object> context = context();
		TemplateInput input = input().context(context).build();
		String template = "#set($name = \"q1\")#set($context.requestOverride.querystring[$name] = \"bar\")"
				+ "$context.requestOverride.header.put(\"k\", \"v\")"
				+ "#set($context[\"requestOverride\"].querystring[\"q2\"] = \"v2\")"
				+ "#set($context.requestOverride.path.id = 7)";
		assertThat(render(template, input)).isEmpty();
		ContextOverrides overrides = ContextOverrides.of(context);
		assertThat(overrides.requestQuerystrings()).containsExactly(Map.entry("q1", "bar"), Map.entry("q2", "v2"));
		assertThat(overrides.requestHeaders()).containsExactly(Map.entry("k", "v"));
		assertThat(overrides.requestPaths()).containsExactly(Map.entry("id", "7"));
	}

	@Test
	void overridesWrittenByTheRequestTemplateAreSeenByTheResponseTemplate() {
		Map<String, Object> context = context();
		render("#set($context.responseOverride.custom = \"kept\")$context.requestOverride.path.put('body', 'from-request')",
				input().context(context).build());
		String response = render("$context.responseOverride.custom $context.requestOverride.path.body",
				input().body("{\"from\": \"integration\"}").context(context).build());
		assertThat(response).isEqualTo("kept from-request");
	}

	@Test
	void writesAnywhereElseInTheContextAreIgnored() {
		Map<String, Object> context = context();
		TemplateInput input = input().context(context).build();
		String out = render("#set($context.requestId = \"spoofed\")#set($context.identity.sourceIp = \"10.0.0.1\")"
				+ "$context.put('stage', 'x')$context.requestId $context.identity.sourceIp [$context.stage]", input);
		assertThat(out).isEqualTo("req-1 192.0.2.1 []");
		assertThat(context).containsEntry("requestId", "req-1").doesNotContainKey("stage");
	}

	@Test
	void anImmutableContextIsCopiedAndTheCopyHoldsTheOverrides() {
		TemplateInput input = input().context(Map.of("requestId", "r")).build();
		render("#set($context.responseOverride.status = 201)", input);
		assertThat(input.context()).containsEntry("requestId", "r");
		assertThat(ContextOverrides.of(input.context()).responseStatus()).isEqualTo(201);
	}

	@Test
	void overrideMapsExistEvenBeforeAnyTemplateWritesThem() {
		TemplateInput input = input().build();
		assertThat(render("$context.requestOverride $context.responseOverride", input))
			.isEqualTo("{header={}, path={}, querystring={}} {header={}}");
	}

	@Test
	void statusOverridesThatAreNotIntegersFrom100To599AreIgnored() {
		for (String status : new String[] { "\"444\"", "700", "99", "4.5" }) {
			TemplateInput input = input().build();
			render("#set($context.responseOverride.status = " + status + ")", input);
			assertThat(ContextOverrides.of(input.context()).responseStatus()).as(status).isNull();
		}
	}

	@Test
	void settingAnOverrideToNothingLeavesItAsItWas() {
		TemplateInput input = input().build();
		render("#set($context.responseOverride.status = 201)#set($context.responseOverride.status = $missing)", input);
		assertThat(ContextOverrides.of(input.context()).responseStatus()).isEqualTo(201);
	}

	@Test
	void stageVariablesResolveInEveryNotation() {
		TemplateInput input = input().stageVariables(Map.of("name", "dev", "url", "https://x")).build();
		assertThat(render("$stageVariables.name|$stageVariables['name']|${stageVariables['name']}|${stageVariables.url}", input))
			.isEqualTo("dev|dev|dev|https://x");
	}

	@Test
	void missingStageVariablesPrintNothing() {
		TemplateInput input = input().stageVariables(Map.of()).build();
		assertThat(render("[$stageVariables.nonExistingDefault][$stageVariables['x']][${stageVariables.y}]", input))
			.isEqualTo("[][][]");
	}

	@Test
	void stageVariablesCannotBeChangedByATemplate() {
		TemplateInput input = input().stageVariables(Map.of("name", "dev")).build();
		assertThat(render("#set($stageVariables.name = 'prod')$stageVariables.name", input)).isEqualTo("dev");
	}

	@Test
	void oneCompiledTemplateRendersManyInputsIndependently() {
		MappingTemplate template = ENGINE.compile("shared", "#set($context.responseOverride.status = $input.path('$.s'))$input.path('$.s')");
		TemplateInput first = input().body("{\"s\": 201}").build();
		TemplateInput second = input().body("{\"s\": 202}").build();
		assertThat(template.render(first) + template.render(second)).isEqualTo("201202");
		assertThat(ContextOverrides.of(first.context()).responseStatus()).isEqualTo(201);
		assertThat(ContextOverrides.of(second.context()).responseStatus()).isEqualTo(202);
	}

}
