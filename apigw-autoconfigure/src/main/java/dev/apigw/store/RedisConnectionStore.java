package dev.apigw.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * WebSocket connections in Redis: one hash per connection ({@code <prefix>ws:connection:<id>})
 * that expires unless refreshed, and one pub/sub channel per gateway instance
 * ({@code <prefix>ws:instance:<id>}) carrying the sends and closes other instances ask of
 * it. A command published to a channel nobody listens on reports that its instance is
 * gone.
 */
public final class RedisConnectionStore implements ConnectionStore, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisConnectionStore.class);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	private final Duration timeout;

	private volatile @Nullable ReactiveRedisMessageListenerContainer container;

	private volatile @Nullable Disposable subscription;

	/**
	 * Creates the store.
	 * @param connectionFactory the Redis connection factory
	 * @param prefix prepended to every key and channel
	 * @param timeout how long one Redis call may take
	 */
	public RedisConnectionStore(ReactiveRedisConnectionFactory connectionFactory, String prefix, Duration timeout) {
		this.connectionFactory = connectionFactory;
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.prefix = prefix;
		this.timeout = timeout;
	}

	@Override
	public Mono<Void> save(ConnectionRecord record, Duration ttl) {
		String key = key(record.connectionId());
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("apiId", record.apiId());
		fields.put("stage", record.stage());
		fields.put("instanceId", record.instanceId());
		fields.put("connectedAt", Long.toString(record.connectedAt()));
		fields.put("lastActiveAt", Long.toString(record.lastActiveAt()));
		if (record.sourceIp() != null) {
			fields.put("sourceIp", record.sourceIp());
		}
		if (record.userAgent() != null) {
			fields.put("userAgent", record.userAgent());
		}
		return call(this.redis.opsForHash().putAll(key, fields).then(this.redis.expire(key, ttl)).then());
	}

	@Override
	public Mono<ConnectionRecord> find(String connectionId) {
		return call(this.redis.<String, String>opsForHash().entries(key(connectionId)).collectMap(Map.Entry::getKey,
				Map.Entry::getValue))
			.filter((fields) -> fields.containsKey("instanceId"))
			.map((fields) -> new ConnectionRecord(connectionId, fields.get("apiId"), fields.get("stage"),
					fields.get("instanceId"), Long.parseLong(fields.get("connectedAt")),
					Long.parseLong(fields.get("lastActiveAt")), fields.get("sourceIp"), fields.get("userAgent")));
	}

	@Override
	public Mono<Void> remove(String connectionId) {
		return call(this.redis.delete(key(connectionId)).then());
	}

	@Override
	public Mono<Boolean> deliver(String instanceId, ConnectionCommand command) {
		String message = command.close() ? "close:" + command.connectionId()
				: "send:" + command.connectionId() + ":" + Base64.getEncoder().encodeToString(command.data());
		return call(this.redis.convertAndSend(channel(instanceId), message)).map((receivers) -> receivers > 0);
	}

	@Override
	public Mono<Void> receive(String instanceId, Consumer<ConnectionCommand> receiver) {
		// the container connects when created: off the event loop
		return Mono.fromCallable(() -> {
			ReactiveRedisMessageListenerContainer created = new ReactiveRedisMessageListenerContainer(
					this.connectionFactory);
			this.container = created;
			return created;
		})
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((created) -> created.receiveLater(ChannelTopic.of(channel(instanceId))))
			.doOnNext((messages) -> this.subscription = messages.subscribe((message) -> {
				ConnectionCommand command = parse(message.getMessage());
				if (command != null) {
					receiver.accept(command);
				}
			}, (error) -> logger.warn("apigw WebSocket commands from Redis stopped: " + error)))
			.then();
	}

	private static @Nullable ConnectionCommand parse(String message) {
		if (message.startsWith("close:")) {
			return ConnectionCommand.close(message.substring("close:".length()));
		}
		if (message.startsWith("send:")) {
			int colon = message.indexOf(':', "send:".length());
			if (colon > 0) {
				return ConnectionCommand.send(message.substring("send:".length(), colon),
						Base64.getDecoder().decode(message.substring(colon + 1).getBytes(StandardCharsets.US_ASCII)));
			}
		}
		logger.debug("Ignoring an unknown WebSocket command from Redis");
		return null;
	}

	private <T> Mono<T> call(Mono<T> call) {
		// template calls may connect on first use: off the event loop
		return call.subscribeOn(Schedulers.boundedElastic()).timeout(this.timeout);
	}

	private String key(String connectionId) {
		return this.prefix + "ws:connection:" + connectionId;
	}

	private String channel(String instanceId) {
		return this.prefix + "ws:instance:" + instanceId;
	}

	@Override
	public void destroy() {
		Disposable current = this.subscription;
		if (current != null) {
			current.dispose();
		}
		ReactiveRedisMessageListenerContainer created = this.container;
		if (created != null) {
			created.destroy();
		}
	}

}
