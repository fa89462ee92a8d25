package dev.apigw.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.apigw.model.Deployment;
import dev.apigw.model.StagePointer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * Deployments and stage pointers in Redis, shared by every gateway instance: each API's
 * deployments in a hash (id to JSON) with a list giving their order, its stage pointers in
 * another hash, and a channel on which an instance that changed pointers tells the others,
 * which then serve what Redis says. While Redis cannot be reached, management actions and
 * start-up use this instance's memory (not shared) and say so in the log; after Redis
 * answers again every API is re-read from it.
 */
public final class RedisDeploymentStore implements DeploymentStore, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisDeploymentStore.class);

	private final ReactiveStringRedisTemplate redis;

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final String prefix;

	private final Duration timeout;

	private final Duration retryInterval;

	private final String instance = UUID.randomUUID().toString();

	private final MemoryDeploymentStore local = new MemoryDeploymentStore();

	private final List<Disposable> subscriptions = new ArrayList<>();

	private @Nullable ReactiveRedisMessageListenerContainer container;

	private volatile long failedAt;

	/**
	 * Creates the store.
	 * @param connectionFactory the Redis connection factory
	 * @param prefix prepended to every key and to the channel
	 * @param timeout how long one Redis call may take
	 * @param retryInterval how often to retry the change channel while Redis is away
	 */
	public RedisDeploymentStore(ReactiveRedisConnectionFactory connectionFactory, String prefix, Duration timeout,
			Duration retryInterval) {
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.connectionFactory = connectionFactory;
		this.prefix = prefix;
		this.timeout = timeout;
		this.retryInterval = retryInterval;
	}

	@Override
	public List<Deployment> deployments(String apiId) {
		return call(() -> {
			List<String> ids = this.redis.opsForList().range(order(apiId), 0, -1).collectList().block(this.timeout);
			if (ids == null || ids.isEmpty()) {
				return List.of();
			}
			List<String> values = this.redis.<String, String>opsForHash().multiGet(history(apiId), ids)
				.block(this.timeout);
			List<Deployment> deployments = new ArrayList<>();
			for (String value : (values != null) ? values : List.<String>of()) {
				if (value != null) {
					deployments.add(DeploymentJson.deployment(value));
				}
			}
			return deployments;
		}, () -> this.local.deployments(apiId));
	}

	@Override
	public @Nullable Deployment deployment(String apiId, String deploymentId) {
		return call(() -> {
			String value = this.redis.<String, String>opsForHash().get(history(apiId), deploymentId).block(this.timeout);
			return (value != null) ? DeploymentJson.deployment(value) : null;
		}, () -> this.local.deployment(apiId, deploymentId));
	}

	@Override
	public void save(Deployment deployment) {
		this.local.save(deployment);
		String apiId = deployment.definition().id();
		call(() -> this.redis.<String, String>opsForHash()
			.put(history(apiId), deployment.id(), DeploymentJson.write(deployment))
			.then(this.redis.opsForList().rightPush(order(apiId), deployment.id()))
			.then(this.redis.opsForSet().add(apis(), apiId))
			.block(this.timeout), () -> null);
	}

	@Override
	public Set<String> apiIds() {
		return call(() -> {
			List<String> ids = this.redis.opsForSet().members(apis()).collectList().block(this.timeout);
			return (ids != null) ? Set.copyOf(ids) : Set.of();
		}, this.local::apiIds);
	}

	@Override
	public void delete(String apiId) {
		this.local.delete(apiId);
		call(() -> this.redis.delete(history(apiId), order(apiId), pointers(apiId))
			.then(this.redis.opsForSet().remove(apis(), apiId))
			.block(this.timeout), () -> null);
	}

	@Override
	public Map<String, StagePointer> stages(String apiId) {
		return call(() -> {
			Map<String, StagePointer> pointers = new LinkedHashMap<>();
			this.redis.<String, String>opsForHash().entries(pointers(apiId)).doOnNext((entry) -> pointers
				.put(entry.getKey(), DeploymentJson.pointer(entry.getValue()))).then().block(this.timeout);
			return pointers;
		}, () -> this.local.stages(apiId));
	}

	@Override
	public void point(String apiId, Map<String, StagePointer> pointers) {
		this.local.point(apiId, pointers);
		Map<String, String> values = new LinkedHashMap<>();
		pointers.forEach((stage, pointer) -> values.put(stage, DeploymentJson.write(pointer)));
		call(() -> this.redis.<String, String>opsForHash().putAll(pointers(apiId), values).block(this.timeout),
				() -> null);
	}

	@Override
	public void publish(String apiId) {
		call(() -> this.redis.convertAndSend(channel(), this.instance + " " + apiId).block(this.timeout), () -> null);
	}

	@Override
	public synchronized void subscribe(Consumer<String> listener) {
		ChannelTopic topic = ChannelTopic.of(channel());
		// the container connects when created: created on first subscription, off the event
		// loop, and again after every failure until Redis answers
		this.subscriptions.add(Flux.defer(() -> container().receiveLater(topic)
			.doOnNext((ready) -> logger.debug("Listening for deployment changes on " + topic.getTopic()))
			// once listening, whatever changed meanwhile is read again
			.flatMapMany((messages) -> Flux.concat(Flux.just("* *"),
					messages.map((message) -> message.getMessage()))))
			.subscribeOn(Schedulers.boundedElastic())
			.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, this.retryInterval).doBeforeRetry((signal) -> logger
				.debug("Deployment change channel unavailable: " + signal.failure())))
			.publishOn(Schedulers.boundedElastic())
			.subscribe((message) -> {
				int space = message.indexOf(' ');
				String sender = message.substring(0, space);
				if (!sender.equals(this.instance)) {
					listener.accept(message.substring(space + 1));
				}
			}, (error) -> logger.error("Deployment change channel closed", error)));
	}

	@Override
	public synchronized void destroy() {
		this.subscriptions.forEach(Disposable::dispose);
		if (this.container != null) {
			this.container.destroy();
		}
	}

	private synchronized ReactiveRedisMessageListenerContainer container() {
		if (this.container == null) {
			this.container = new ReactiveRedisMessageListenerContainer(this.connectionFactory);
		}
		return this.container;
	}

	/**
	 * Calls Redis, or, when it fails (or failed less than a retry interval ago), this
	 * instance's memory.
	 */
	private <T> T call(Supplier<T> redis, Supplier<T> fallback) {
		if (System.nanoTime() - this.failedAt < this.retryInterval.toNanos() && this.failedAt != 0) {
			return fallback.get();
		}
		try {
			T result = redis.get();
			this.failedAt = 0;
			return result;
		}
		catch (RuntimeException ex) {
			if (this.failedAt == 0) {
				logger.warn("Redis deployment store unavailable (" + ex + "); using this instance's memory: changes "
						+ "are not shared with other instances until Redis answers");
			}
			this.failedAt = System.nanoTime();
			return fallback.get();
		}
	}

	private String history(String apiId) {
		return this.prefix + "deployments:" + apiId;
	}

	private String apis() {
		return this.prefix + "deployments:apis";
	}

	private String order(String apiId) {
		return this.prefix + "deployments:" + apiId + ":order";
	}

	private String pointers(String apiId) {
		return this.prefix + "stages:" + apiId;
	}

	private String channel() {
		return this.prefix + "deployments:changes";
	}

}
