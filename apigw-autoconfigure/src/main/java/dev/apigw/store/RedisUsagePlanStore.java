package dev.apigw.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.apigw.model.UsagePlan;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * Usage plans made at run time in Redis, shared by every gateway instance: one hash of plan
 * id to the plan's JSON, and a channel on which an instance that changed a plan tells the
 * others, which then read every plan again (as they do after the channel reconnects). Writes
 * fail while Redis cannot be reached; instances keep applying the plans they last read.
 */
public final class RedisUsagePlanStore implements UsagePlanStore, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisUsagePlanStore.class);

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final ReactiveStringRedisTemplate redis;

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final String key;

	private final String channel;

	private final Duration timeout;

	private final Duration retryInterval;

	private final String instance = UUID.randomUUID().toString();

	private final List<Disposable> subscriptions = new ArrayList<>();

	private @Nullable ReactiveRedisMessageListenerContainer container;

	/**
	 * Creates the store.
	 * @param connectionFactory the Redis connection factory
	 * @param prefix prepended to the hash and channel names
	 * @param timeout how long one Redis call may take
	 * @param retryInterval how often to retry the change channel while Redis is away
	 */
	public RedisUsagePlanStore(ReactiveRedisConnectionFactory connectionFactory, String prefix, Duration timeout,
			Duration retryInterval) {
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.connectionFactory = connectionFactory;
		this.key = prefix + "usageplans";
		this.channel = prefix + "usageplans:changes";
		this.timeout = timeout;
		this.retryInterval = retryInterval;
	}

	@Override
	public List<UsagePlan> findAll() {
		List<String> values = this.redis.<String, String>opsForHash()
			.values(this.key)
			.collectList()
			.block(this.timeout);
		return (values != null) ? values.stream().map((json) -> JSON.readValue(json, UsagePlan.class)).toList()
				: List.of();
	}

	@Override
	public void save(UsagePlan plan) {
		this.redis.<String, String>opsForHash()
			.put(this.key, plan.id(), JSON.writeValueAsString(plan))
			.then(this.redis.convertAndSend(this.channel, this.instance))
			.block(this.timeout);
	}

	@Override
	public boolean delete(String id) {
		Long removed = this.redis.<String, String>opsForHash()
			.remove(this.key, id)
			.flatMap((count) -> this.redis.convertAndSend(this.channel, this.instance).thenReturn(count))
			.block(this.timeout);
		return removed != null && removed > 0;
	}

	@Override
	public synchronized void subscribe(Runnable changed) {
		ChannelTopic topic = ChannelTopic.of(this.channel);
		this.subscriptions.add(Flux.defer(() -> container().receiveLater(topic)
			// once listening, whatever changed meanwhile is read again
			.flatMapMany((messages) -> Flux.concat(Flux.just(""), messages.map((message) -> message.getMessage()))))
			.subscribeOn(Schedulers.boundedElastic())
			.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, this.retryInterval)
				.doBeforeRetry((signal) -> logger.debug("Usage plan change channel unavailable: " + signal.failure())))
			.publishOn(Schedulers.boundedElastic())
			.subscribe((sender) -> {
				if (!sender.equals(this.instance)) {
					changed.run();
				}
			}, (error) -> logger.error("Usage plan change channel closed", error)));
	}

	private synchronized ReactiveRedisMessageListenerContainer container() {
		if (this.container == null) {
			this.container = new ReactiveRedisMessageListenerContainer(this.connectionFactory);
		}
		return this.container;
	}

	@Override
	public synchronized void destroy() {
		this.subscriptions.forEach(Disposable::dispose);
		if (this.container != null) {
			this.container.destroy();
		}
	}

}
