package dev.apigw.samples.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.apigw.template.MappingTemplate;
import dev.apigw.template.TemplateEngine;
import dev.apigw.template.TemplateInput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Renders of a typical request mapping template over a 1 KB JSON body, as the pipeline runs them:
 * a fresh {@link TemplateInput} per request, one compiled {@link MappingTemplate} for all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MappingTemplateBenchmark {

	/** Uses {@code $input.json}, {@code $input.path}, {@code $util.escapeJavaScript}, {@code $context} and a small loop. */
	static final String TYPICAL_TEMPLATE = """
			#set($order = $input.path('$'))
			{
			  "requestId": "$context.requestId",
			  "sourceIp": "$context.identity.sourceIp",
			  "customer": $input.json('$.customer'),
			  "note": "$util.escapeJavaScript($input.path('$.note'))",
			  "itemCount": $order.items.size(),
			  "items": [
			#foreach($item in $order.items)
			    {"sku": "$item.sku", "quantity": $item.quantity, "name": "$util.escapeJavaScript($item.name)"}#if($foreach.hasNext),#end

			#end
			  ],
			  "stage": "$stageVariables.name"
			}
			""";

	static final String BODY = """
			{
			  "orderId": "ord-7d3f9c2a-1b6e-4f0a-9a53-2c9e8f1b7a44",
			  "customer": {"id": "cus-1029384756", "name": "Ada Lovelace", "email": "ada@example.com",
			    "address": {"street": "12 Analytical Engine Road", "city": "London", "postcode": "N1 9GU", "country": "GB"}},
			  "note": "Please leave the parcel at the door; ring twice. \\"Fragile\\" items inside / handle with care.",
			  "items": [
			    {"sku": "SKU-0001", "name": "Difference engine gear", "quantity": 2, "price": 19.99, "tags": ["brass", "gear"]},
			    {"sku": "SKU-0002", "name": "Punched card (blank)", "quantity": 100, "price": 0.05, "tags": ["paper"]},
			    {"sku": "SKU-0003", "name": "Jacquard loom manual", "quantity": 1, "price": 42.5, "tags": ["book", "loom"]},
			    {"sku": "SKU-0004", "name": "Mill & store diagram", "quantity": 1, "price": 12.0, "tags": ["poster"]},
			    {"sku": "SKU-0005", "name": "Bernoulli numbers table", "quantity": 3, "price": 7.25, "tags": ["table", "math"]}
			  ],
			  "payment": {"method": "card", "last4": "4242", "currency": "GBP", "total": 131.48},
			  "createdAt": "2026-05-14T10:15:30Z"
			}
			""";

	private MappingTemplate typical;

	private MappingTemplate passThrough;

	private Map<String, Object> identity;

	@Setup
	public void compile() {
		TemplateEngine engine = new TemplateEngine();
		this.typical = engine.compile("POST /orders application/json", TYPICAL_TEMPLATE);
		this.passThrough = engine.compile("pass-through", "$input.json('$')");
		this.identity = Map.of("sourceIp", "192.0.2.10", "userAgent", "curl/8.5.0");
	}

	private TemplateInput input() {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("requestId", "c0ffee00-1234-5678-9abc-def012345678");
		context.put("identity", this.identity);
		return TemplateInput.builder()
			.body(BODY)
			.headers(Map.of("Content-Type", "application/json", "Host", "api.example.com"))
			.context(context)
			.stageVariables(Map.of("name", "prod"))
			.build();
	}

	@Benchmark
	public String typicalTemplate() {
		return this.typical.render(input());
	}

	@Benchmark
	public String passThroughJson() {
		return this.passThrough.render(input());
	}

}
