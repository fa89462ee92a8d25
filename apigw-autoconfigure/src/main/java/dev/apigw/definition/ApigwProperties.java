package dev.apigw.definition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of apigw: the APIs it serves ("apigw.apis.<id>"), custom-domain style
 * base-path mappings and gateway-wide limits.
 */
@ConfigurationProperties("apigw")
public class ApigwProperties {

	/**
	 * Whether apigw serves APIs. When false, nothing of apigw is configured.
	 */
	private boolean enabled = true;

	/**
	 * Largest request body accepted; larger bodies are answered 413 before the API is
	 * identified, as AWS does (10 MB).
	 */
	private DataSize maxBodySize = DataSize.ofBytes(10_485_760);

	/**
	 * Order of the web filter that hands requests inside an API mount to the gateway. Lower
	 * runs earlier; Spring Security's filter chain runs at -100.
	 */
	private int webFilterOrder = 0;

	/**
	 * Region used in ARNs ("$context", authorizer method ARNs, Lambda ARNs).
	 */
	private String region = "us-east-1";

	/**
	 * Account id used in ARNs and "$context.accountId".
	 */
	private String accountId = "123456789012";

	/**
	 * The apigw actuator endpoint.
	 */
	private final Endpoint endpoint = new Endpoint();

	/**
	 * Budgets of mapping template renders, and where they run.
	 */
	private final Templates templates = new Templates();

	/**
	 * APIs by id. The id is used in default URLs ("/{id"/{stage}/...}) and in
	 * "$context.apiId".
	 */
	private Map<String, ApiProperties> apis = new LinkedHashMap<>();

	/**
	 * Custom-domain style mappings of a host and base path to one stage of an API; their
	 * URLs carry no stage segment.
	 */
	private List<BasePathMappingProperties> basePathMappings = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public int getWebFilterOrder() {
		return this.webFilterOrder;
	}

	public void setWebFilterOrder(int webFilterOrder) {
		this.webFilterOrder = webFilterOrder;
	}

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public void setAccountId(String accountId) {
		this.accountId = accountId;
	}

	public Endpoint getEndpoint() {
		return this.endpoint;
	}

	public Templates getTemplates() {
		return this.templates;
	}

	public Map<String, ApiProperties> getApis() {
		return this.apis;
	}

	public void setApis(Map<String, ApiProperties> apis) {
		this.apis = apis;
	}

	public List<BasePathMappingProperties> getBasePathMappings() {
		return this.basePathMappings;
	}

	public void setBasePathMappings(List<BasePathMappingProperties> basePathMappings) {
		this.basePathMappings = basePathMappings;
	}

	/**
	 * Budgets one render of a mapping template must stay within (a template that breaks one
	 * ends its request with a 500 gateway response), and how renders are kept from stalling
	 * the Netty event loops.
	 */
	public static class Templates {

		/**
		 * Wall-clock time one render may take.
		 */
		private Duration maxRenderTime = Duration.ofSeconds(1);

		/**
		 * Characters one render may write.
		 */
		private DataSize maxOutputSize = DataSize.ofMegabytes(10);

		/**
		 * Iterations one #foreach may make (AWS: 1000).
		 */
		private int maxForeachIterations = 1000;

		/**
		 * How deeply #macro calls and #define blocks may nest.
		 */
		private int maxMacroDepth = 20;

		/**
		 * How long one render may run on a Netty event loop. A render still running then is
		 * stopped and run again from the start on a render thread, with the full
		 * max-render-time; 0 renders nothing on the event loops.
		 */
		private Duration eventLoopRenderTime = Duration.ofMillis(2);

		/**
		 * Largest body a template renders over on a Netty event loop; larger bodies render on
		 * a render thread.
		 */
		private DataSize eventLoopMaxBodySize = DataSize.ofKilobytes(16);

		/**
		 * Threads that render the templates kept off the event loops. Defaults to half the
		 * available processors, at least 1.
		 */
		private int renderThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

		/**
		 * Renders that may wait for a render thread; beyond that a request is answered 429
		 * (THROTTLED) instead of waiting.
		 */
		private int renderQueueCapacity = 256;

		public Duration getMaxRenderTime() {
			return this.maxRenderTime;
		}

		public void setMaxRenderTime(Duration maxRenderTime) {
			this.maxRenderTime = maxRenderTime;
		}

		public DataSize getMaxOutputSize() {
			return this.maxOutputSize;
		}

		public void setMaxOutputSize(DataSize maxOutputSize) {
			this.maxOutputSize = maxOutputSize;
		}

		public int getMaxForeachIterations() {
			return this.maxForeachIterations;
		}

		public void setMaxForeachIterations(int maxForeachIterations) {
			this.maxForeachIterations = maxForeachIterations;
		}

		public int getMaxMacroDepth() {
			return this.maxMacroDepth;
		}

		public void setMaxMacroDepth(int maxMacroDepth) {
			this.maxMacroDepth = maxMacroDepth;
		}

		public Duration getEventLoopRenderTime() {
			return this.eventLoopRenderTime;
		}

		public void setEventLoopRenderTime(Duration eventLoopRenderTime) {
			this.eventLoopRenderTime = eventLoopRenderTime;
		}

		public DataSize getEventLoopMaxBodySize() {
			return this.eventLoopMaxBodySize;
		}

		public void setEventLoopMaxBodySize(DataSize eventLoopMaxBodySize) {
			this.eventLoopMaxBodySize = eventLoopMaxBodySize;
		}

		public int getRenderThreads() {
			return this.renderThreads;
		}

		public void setRenderThreads(int renderThreads) {
			this.renderThreads = renderThreads;
		}

		public int getRenderQueueCapacity() {
			return this.renderQueueCapacity;
		}

		public void setRenderQueueCapacity(int renderQueueCapacity) {
			this.renderQueueCapacity = renderQueueCapacity;
		}

	}

	/**
	 * Settings of the "apigw" actuator endpoint.
	 */
	public static class Endpoint {

		/**
		 * Whether the endpoint's write operations (deploy, rollback, cache flush, key
		 * management) are performed. Off by default even when the endpoint is exposed.
		 */
		private boolean writeOperationsEnabled;

		public boolean isWriteOperationsEnabled() {
			return this.writeOperationsEnabled;
		}

		public void setWriteOperationsEnabled(boolean writeOperationsEnabled) {
			this.writeOperationsEnabled = writeOperationsEnabled;
		}

	}

	/**
	 * A custom-domain style base-path mapping.
	 */
	public static class BasePathMappingProperties {

		/**
		 * Host the mapping applies to (without port); any host when not set.
		 */
		private @Nullable String host;

		/**
		 * Base path, e.g. "/v1", or "/" for the whole host.
		 */
		private String basePath = "/";

		/**
		 * Id of the mapped API.
		 */
		private @Nullable String api;

		/**
		 * Stage of the mapped API.
		 */
		private @Nullable String stage;

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public String getBasePath() {
			return this.basePath;
		}

		public void setBasePath(String basePath) {
			this.basePath = basePath;
		}

		public @Nullable String getApi() {
			return this.api;
		}

		public void setApi(@Nullable String api) {
			this.api = api;
		}

		public @Nullable String getStage() {
			return this.stage;
		}

		public void setStage(@Nullable String stage) {
			this.stage = stage;
		}

	}

}
