package dev.apigw.template;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one render of a mapping template sees: the payload ({@code $input.body}, {@code $input.json},
 * {@code $input.path}), the method request's parameters ({@code $input.params}), {@code $context}
 * and {@code $stageVariables}. Built per request by the pipeline; an input may be rendered by
 * several templates in turn (request template, then response template), which then share
 * {@link #context()}.
 *
 * <h2>{@code $context}</h2>
 * The pipeline supplies AWS's variables under their AWS names; nested maps for the dotted groups.
 * Values are strings unless noted. Missing variables print as nothing, as on AWS.
 * <ul>
 * <li>{@code accountId}, {@code apiId}, {@code awsEndpointRequestId}, {@code deploymentId},
 * {@code domainName} (the Host header), {@code domainPrefix} (its first label),
 * {@code extendedRequestId}, {@code httpMethod}, {@code path} ({@code /stage/root/child}, double
 * slashes kept), {@code protocol} ({@code HTTP/1.1}), {@code requestId}, {@code requestTime}
 * (CLF, {@code 04/Mar/2020:19:15:17 +0000}), {@code requestTimeEpoch} (milliseconds, a
 * {@code Long}), {@code resourceId}, {@code resourcePath} ({@code /root/{id}}), {@code stage},
 * {@code isCanaryRequest} ({@code "true"}/{@code "false"}), {@code wafResponseCode},
 * {@code webaclArn}, {@code xrayTraceId}</li>
 * <li>{@code identity}: a map with {@code accountId}, {@code apiKey} (null unless the method
 * requires a key), {@code apiKeyId}, {@code caller}, {@code cognitoAuthenticationProvider},
 * {@code cognitoAuthenticationType}, {@code cognitoIdentityId}, {@code cognitoIdentityPoolId},
 * {@code principalOrgId}, {@code sourceIp}, {@code user}, {@code userAgent}, {@code userArn} and
 * {@code clientCert} (a map: {@code clientCertPem}, {@code subjectDN}, {@code issuerDN},
 * {@code serialNumber}, {@code validity} with {@code notBefore}/{@code notAfter})</li>
 * <li>{@code authorizer}: a map with {@code principalId}, the Lambda authorizer's context entries
 * <em>already stringified</em> (number {@code 1} as {@code "1"}, {@code true} as {@code "true"}),
 * and for Cognito a {@code claims} map (claim name to value). {@code $context.authorizer.claims}
 * itself prints as nothing, as AWS documents; {@code $context.authorizer.claims.sub} works.</li>
 * <li>{@code error}: a map with {@code message}, {@code messageString} (the message quoted:
 * {@code "\"Forbidden\""}), {@code responseType}, {@code validationErrorString}</li>
 * <li>{@code requestOverride} ({@code header}, {@code path}, {@code querystring} maps) and
 * {@code responseOverride} ({@code header} map, {@code status}): need not be supplied; the input
 * creates them, writable, in {@link #context()}. Read what templates wrote with
 * {@link ContextOverrides#of(Map)}.</li>
 * </ul>
 * Templates can only write into {@code requestOverride} and {@code responseOverride}; writes
 * anywhere else in {@code $context} are ignored, so the pipeline's values stay as it put them.
 */
public final class TemplateInput {

	private final String body;

	private final Map<String, Object> context;

	private final ContextView contextView;

	private final MapView stageVariables;

	private @Nullable GuardedMap params;

	private final Map<String, String> pathParams;

	private final Map<String, String> queryParams;

	private final Map<String, String> headers;

	private volatile @Nullable ParsedBody parsedBody;

	private TemplateInput(Builder builder) {
		this.body = (builder.body == null || builder.body.isEmpty()) ? "{}" : builder.body;
		this.context = withOverrides(builder.context);
		this.contextView = new ContextView(this.context);
		this.stageVariables = new MapView(builder.stageVariables);
		this.pathParams = builder.pathParams;
		this.queryParams = builder.queryParams;
		this.headers = builder.headers;
	}

	/** @return a builder for an input */
	public static Builder builder() {
		return new Builder();
	}

	/** @return the payload as templates see it: an empty payload is {@code {}} */
	public String body() {
		return this.body;
	}

	/**
	 * The context map templates read and write: the one given to the builder if it was mutable,
	 * otherwise a mutable copy. It always holds writable {@code requestOverride} and
	 * {@code responseOverride} maps.
	 * @return the context map
	 */
	public Map<String, Object> context() {
		return this.context;
	}

	ContextView contextView() {
		return this.contextView;
	}

	MapView stageVariables() {
		return this.stageVariables;
	}

	/** {@code $input.params()}, built on first use: most templates only ask for single values. */
	GuardedMap params() {
		GuardedMap params = this.params;
		if (params == null) {
			params = new GuardedMap();
			params.rawPut("path", copy(this.pathParams));
			params.rawPut("querystring", copy(this.queryParams));
			params.rawPut("header", copy(this.headers));
			this.params = params;
		}
		return params;
	}

	/** {@code $input.params(name)}: path, then query string, then header (case-insensitively). */
	@Nullable String param(String name) {
		String value = this.pathParams.get(name);
		if (value == null) {
			value = this.queryParams.get(name);
		}
		if (value == null) {
			value = this.headers.get(name);
		}
		if (value == null) {
			for (Map.Entry<String, String> header : this.headers.entrySet()) {
				if (header.getKey().equalsIgnoreCase(name)) {
					return header.getValue();
				}
			}
		}
		return value;
	}

	/** The parsed payload, or {@link JsonSupport#NOT_JSON}; parsed once until a template changes it. */
	@Nullable Object parsedBody() {
		ParsedBody parsed = this.parsedBody;
		if (parsed == null) {
			RenderState state = RenderState.current();
			if (state != null) {
				state.allocate(this.body.length());
			}
			parsed = new ParsedBody(JsonSupport.parse(this.body, true));
			this.parsedBody = parsed;
		}
		return parsed.value();
	}

	static void bodyChangedInCurrentRender() {
		RenderState state = RenderState.current();
		if (state != null) {
			state.input().parsedBody = null;
		}
	}

	private static GuardedMap copy(Map<?, ?> source) {
		GuardedMap copy = new GuardedMap();
		source.forEach(copy::rawPut);
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> withOverrides(Map<String, Object> supplied) {
		Map<String, Object> context = supplied;
		try {
			context.put(ContextView.REQUEST_OVERRIDE, override(supplied.get(ContextView.REQUEST_OVERRIDE),
					"header", "path", "querystring"));
		}
		catch (UnsupportedOperationException ex) {
			context = new LinkedHashMap<>(supplied);
			context.put(ContextView.REQUEST_OVERRIDE, override(supplied.get(ContextView.REQUEST_OVERRIDE),
					"header", "path", "querystring"));
		}
		context.put(ContextView.RESPONSE_OVERRIDE, override(context.get(ContextView.RESPONSE_OVERRIDE), "header"));
		return context;
	}

	/**
	 * A writable copy of an override map, never the map itself: a render that is stopped and run
	 * again (see {@link TemplateRenderer}) must not see what the stopped one wrote, so what a
	 * render writes only becomes the request's once it has finished.
	 */
	private static GuardedMap override(@Nullable Object existing, String... nested) {
		GuardedMap override = new GuardedMap();
		if (existing instanceof Map<?, ?> map) {
			// two levels (the override and its header, path and querystring maps) and no deeper: a
			// map a template built may contain itself
			map.forEach((key, value) -> override.rawPut(key, (value instanceof Map<?, ?> inner) ? copy(inner) : value));
		}
		for (String name : nested) {
			if (!(override.get(name) instanceof GuardedMap)) {
				override.rawPut(name, new GuardedMap());
			}
		}
		return override;
	}

	private record ParsedBody(@Nullable Object value) {
	}

	/** Builds a {@link TemplateInput}; every part is optional. */
	public static final class Builder {

		private @Nullable String body;

		private Map<String, String> pathParams = Map.of();

		private Map<String, String> queryParams = Map.of();

		private Map<String, String> headers = Map.of();

		private Map<String, Object> context = new LinkedHashMap<>();

		private Map<String, String> stageVariables = Map.of();

		private Builder() {
		}

		/**
		 * @param body the raw payload: the request body for request templates, the integration
		 * response body for response templates; {@code null} or empty reads as {@code {}}
		 * @return this builder
		 */
		public Builder body(@Nullable String body) {
			this.body = body;
			return this;
		}

		/**
		 * @param pathParams path parameters by name ({@code $input.params().path})
		 * @return this builder
		 */
		public Builder pathParams(Map<String, String> pathParams) {
			this.pathParams = pathParams;
			return this;
		}

		/**
		 * @param queryParams query string parameters by name, the last value of a repeated one
		 * ({@code $input.params().querystring})
		 * @return this builder
		 */
		public Builder queryParams(Map<String, String> queryParams) {
			this.queryParams = queryParams;
			return this;
		}

		/**
		 * @param headers request headers by name as the client sent them, one value each
		 * ({@code $input.params().header})
		 * @return this builder
		 */
		public Builder headers(Map<String, String> headers) {
			this.headers = headers;
			return this;
		}

		/**
		 * @param context {@code $context}: see {@link TemplateInput} for the variables; pass a
		 * mutable map to read what templates wrote from it afterwards (or use
		 * {@link TemplateInput#context()})
		 * @return this builder
		 */
		public Builder context(Map<String, Object> context) {
			this.context = context;
			return this;
		}

		/**
		 * @param stageVariables {@code $stageVariables}
		 * @return this builder
		 */
		public Builder stageVariables(Map<String, String> stageVariables) {
			this.stageVariables = stageVariables;
			return this;
		}

		/** @return the input */
		public TemplateInput build() {
			return new TemplateInput(this);
		}

	}

}
