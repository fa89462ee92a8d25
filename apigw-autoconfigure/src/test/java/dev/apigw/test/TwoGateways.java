package dev.apigw.test;

import java.util.Arrays;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances of one application sharing a real {@code redis-server}, each on a
 * random port, for tests of what instances share ({@code apigw.store.type: redis} in the
 * profile). Closing stops both instances, then Redis.
 */
public final class TwoGateways implements AutoCloseable {

	private final TestRedis redis;

	private final String[] profiles;

	private final Class<?>[] sources;

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	private TwoGateways(TestRedis redis, String[] profiles, Class<?>[] sources, ConfigurableApplicationContext first,
			ConfigurableApplicationContext second) {
		this.redis = redis;
		this.profiles = profiles;
		this.sources = sources;
		this.first = first;
		this.second = second;
	}

	/**
	 * Starts Redis and two instances.
	 * @param profile the profile both instances run with
	 * @param sources the application's configuration classes
	 * @return the running instances
	 */
	public static TwoGateways start(String profile, Class<?>... sources) {
		return start(new String[] { profile }, sources);
	}

	/**
	 * Starts Redis and two instances.
	 * @param profiles the profiles both instances run with
	 * @param sources the application's configuration classes
	 * @return the running instances
	 */
	public static TwoGateways start(String[] profiles, Class<?>... sources) {
		TestRedis redis = TestRedis.start();
		ConfigurableApplicationContext first = null;
		try {
			first = gateway(redis, profiles, sources);
			return new TwoGateways(redis, profiles, sources, first, gateway(redis, profiles, sources));
		}
		catch (RuntimeException ex) {
			if (first != null) {
				first.close();
			}
			redis.close();
			throw ex;
		}
	}

	private static ConfigurableApplicationContext gateway(TestRedis redis, String[] profiles, Class<?>... sources) {
		return new SpringApplicationBuilder(sources).profiles(profiles)
			.properties("server.port=0", "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port())
			.run();
	}

	/**
	 * The first instance.
	 * @return its context
	 */
	public ConfigurableApplicationContext first() {
		return this.first;
	}

	/**
	 * The second instance.
	 * @return its context
	 */
	public ConfigurableApplicationContext second() {
		return this.second;
	}

	/**
	 * Stops both instances and starts two new ones on the same Redis, as a restart of the
	 * whole fleet.
	 */
	public void restart() {
		this.first.close();
		this.second.close();
		this.first = gateway(this.redis, this.profiles, this.sources);
		this.second = gateway(this.redis, this.profiles, this.sources);
	}

	/**
	 * The Redis server both instances use.
	 * @return the server
	 */
	public TestRedis redis() {
		return this.redis;
	}

	/**
	 * The port an instance listens on.
	 * @param context the instance
	 * @return the port
	 */
	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Override
	public void close() {
		try {
			Arrays.asList(this.first, this.second).forEach(ConfigurableApplicationContext::close);
		}
		finally {
			this.redis.close();
		}
	}

}
