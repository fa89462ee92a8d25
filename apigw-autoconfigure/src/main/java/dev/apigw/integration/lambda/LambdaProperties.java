package dev.apigw.integration.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of in-process Lambda functions: explicit function mappings
 * ({@code apigw.functions.<name>}) and the scheduler functions run on
 * ({@code apigw.lambda.*}).
 */
@ConfigurationProperties("apigw")
public class LambdaProperties {

	/**
	 * Lambda functions by function name, each "bean:<bean name>" (a RequestHandler,
	 * RequestStreamHandler or Function bean) or "class:<fully qualified handler class>"
	 * (created with its no-argument constructor, as Lambda does). Beans that are handlers
	 * are functions under their bean name without a mapping.
	 */
	private Map<String, String> functions = new LinkedHashMap<>();

	/**
	 * How functions run.
	 */
	private final Scheduler lambda = new Scheduler();

	public Map<String, String> getFunctions() {
		return this.functions;
	}

	public void setFunctions(Map<String, String> functions) {
		this.functions = functions;
	}

	public Scheduler getLambda() {
		return this.lambda;
	}

	/**
	 * The bounded scheduler functions run on, off the event loop.
	 */
	public static class Scheduler {

		/**
		 * Most function invocations running at once (threads of the Lambda scheduler).
		 */
		private int threads = 10 * Runtime.getRuntime().availableProcessors();

		/**
		 * Most invocations waiting for a thread; beyond it requests are answered 500, as
		 * a throttled Lambda function is.
		 */
		private int queueCapacity = 10_000;

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

	}

}
