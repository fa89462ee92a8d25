package dev.apigw.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.apigw.store.AdmissionRequest.Bucket;
import dev.apigw.store.AdmissionRequest.Metering;
import dev.apigw.store.AdmissionRequest.Quota;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveScriptingCommands;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.ReactiveRedisCallback;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Buckets and counters in Redis: each admission is one Lua script (every read-modify-write
 * of the request in one atomic step), so any number of gateway instances enforce one
 * limit. Time is the gateway's clock, passed to the script, so instances need synchronised
 * clocks (NTP); names are prefixed (put a hash tag such as {@code {apigw}:} in the prefix
 * for Redis Cluster, where a script's keys must share a slot). Errors are the caller's to
 * handle: see {@link FailoverRateLimitStore}.
 */
final class RedisRateLimitStore implements RateLimitStore {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ADMIT = RedisScript.of(new ClassPathResource("dev/apigw/store/admit.lua"),
			List.class);

	private static final RedisScript<String> MERGE = RedisScript.of(new ClassPathResource("dev/apigw/store/merge.lua"),
			String.class);

	private static final RedisScript<String> MARKER = RedisScript
		.of(new ClassPathResource("dev/apigw/store/marker.lua"), String.class);

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	private final ReactiveRedisConnectionFactory connectionFactory;

	// one long-lived connection object over Lettuce's shared native connection: no per-call
	// connection handling on the hot path; created on first use, as creating it connects
	private volatile @Nullable ReactiveRedisConnection connection;

	/**
	 * Creates the store.
	 * @param connectionFactory the connection factory
	 * @param prefix prepended to every name
	 */
	RedisRateLimitStore(ReactiveRedisConnectionFactory connectionFactory, String prefix) {
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.prefix = prefix;
		this.connectionFactory = connectionFactory;
	}

	@Override
	public Mono<Admission> admit(AdmissionRequest request) {
		List<String> keys = new ArrayList<>(8);
		List<String> args = new ArrayList<>(24);
		Quota quota = request.quota();
		Metering metering = request.metering();
		args.add(Long.toString(request.nowMillis()));
		args.add(Integer.toString(request.buckets().size()));
		args.add((quota != null) ? "1" : "0");
		args.add((metering != null) ? "1" : "0");
		for (Bucket bucket : request.buckets()) {
			keys.add(this.prefix + bucket.name());
			args.add(Double.toString(bucket.rate()));
			args.add(Integer.toString(bucket.burst()));
			args.add(Long.toString(bucket.refillMillis() + 1000));
		}
		if (quota != null) {
			keys.add(this.prefix + quota.counter());
			keys.add(this.prefix + quota.firstUse());
			args.add(Long.toString(quota.limit()));
			args.add(Long.toString(quota.offset()));
			args.add(Long.toString(quota.periodStartMillis()));
			args.add(Long.toString(quota.expiresAtMillis()));
		}
		if (metering != null) {
			keys.add(this.prefix + metering.counter());
			keys.add(this.prefix + metering.set());
			args.add(Long.toString(metering.expiresAtMillis()));
			args.add(metering.member());
		}
		ByteBuffer[] keysAndArgs = new ByteBuffer[keys.size() + args.size()];
		int i = 0;
		for (String key : keys) {
			keysAndArgs[i++] = ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8));
		}
		for (String arg : args) {
			keysAndArgs[i++] = ByteBuffer.wrap(arg.getBytes(StandardCharsets.UTF_8));
		}
		return connection().flatMapMany((connection) -> {
			ReactiveScriptingCommands scripting = connection.scriptingCommands();
			return scripting.<Object>evalSha(ADMIT.getSha1(), ReturnType.MULTI, keys.size(), duplicates(keysAndArgs))
				.onErrorResume(RedisRateLimitStore::isNoScript, (error) -> scripting.<Object>eval(
						ByteBuffer.wrap(ADMIT.getScriptAsString().getBytes(StandardCharsets.UTF_8)), ReturnType.MULTI,
						keys.size(), duplicates(keysAndArgs)));
		}).collectList().map(RedisRateLimitStore::admission);
	}

	/**
	 * The connection; the first call connects, off the event loop (Spring Data Redis
	 * connects synchronously).
	 */
	private Mono<ReactiveRedisConnection> connection() {
		ReactiveRedisConnection current = this.connection;
		if (current != null) {
			return Mono.just(current);
		}
		return Mono.fromCallable(() -> {
			synchronized (this) {
				if (this.connection == null) {
					this.connection = this.connectionFactory.getReactiveConnection();
				}
				return this.connection;
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/** Template calls get a connection per call, which may connect: off the event loop. */
	private static <T> Mono<T> offLoop(Mono<T> call) {
		return call.subscribeOn(Schedulers.boundedElastic());
	}

	private static ByteBuffer[] duplicates(ByteBuffer[] buffers) {
		ByteBuffer[] copies = new ByteBuffer[buffers.length];
		for (int i = 0; i < buffers.length; i++) {
			copies[i] = buffers[i].duplicate();
		}
		return copies;
	}

	private static boolean isNoScript(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (String.valueOf(cause.getMessage()).contains("NOSCRIPT")) {
				return true;
			}
		}
		return false;
	}

	private static Admission admission(List<?> reply) {
		List<?> values = (reply.size() == 1 && reply.get(0) instanceof List<?> nested) ? nested : reply;
		values = values.stream().map(RedisRateLimitStore::text).toList();
		Admission.Outcome outcome = Admission.Outcome.valueOf(String.valueOf(values.get(0)));
		int refusedBy = Integer.parseInt(String.valueOf(values.get(1)));
		long used = (long) Double.parseDouble(String.valueOf(values.get(2)));
		long limit = (long) Double.parseDouble(String.valueOf(values.get(3)));
		long day = (long) Double.parseDouble(String.valueOf(values.get(4)));
		double[] tokens = new double[values.size() - 5];
		for (int i = 0; i < tokens.length; i++) {
			tokens[i] = Double.parseDouble(String.valueOf(values.get(i + 5)));
		}
		return new Admission(outcome, refusedBy, tokens, used, limit, day, false);
	}

	private static String text(Object value) {
		if (value instanceof ByteBuffer buffer) {
			return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return String.valueOf(value);
	}

	@Override
	public Mono<Map<String, Long>> read(List<String> names) {
		if (names.isEmpty()) {
			return Mono.just(Map.of());
		}
		List<String> keys = names.stream().map((name) -> this.prefix + name).toList();
		return offLoop(this.redis.opsForValue().multiGet(keys)).map((values) -> {
			Map<String, Long> found = new LinkedHashMap<>();
			for (int i = 0; i < names.size(); i++) {
				String value = values.get(i);
				if (value != null) {
					found.put(names.get(i), (long) Double.parseDouble(value));
				}
			}
			return found;
		});
	}

	@Override
	public Mono<Set<String>> members(String set) {
		return offLoop(this.redis.opsForSet().members(this.prefix + set).collect(Collectors.toSet()));
	}

	/**
	 * Adds a count made elsewhere to a counter.
	 * @param counter the counter
	 * @param delta the count to add
	 * @param floor the lowest value the counter may have afterwards
	 * @param expiresAtMillis when Redis may forget it, 0 for never
	 * @return completion
	 */
	Mono<Void> merge(String counter, long delta, long floor, long expiresAtMillis) {
		return offLoop(this.redis
			.execute(MERGE, List.of(this.prefix + counter),
					List.of(Long.toString(delta), Long.toString(floor), Long.toString(expiresAtMillis)))
			.then());
	}

	/**
	 * Records a value unless one is recorded.
	 * @param name the name
	 * @param value the value
	 * @return completion
	 */
	Mono<Void> putIfAbsent(String name, long value) {
		return offLoop(this.redis.opsForValue().setIfAbsent(this.prefix + name, Long.toString(value)).then());
	}

	/**
	 * Adds members to a set.
	 * @param set the set
	 * @param members the members
	 * @return completion
	 */
	Mono<Void> add(String set, Set<String> members) {
		return members.isEmpty() ? Mono.empty()
				: offLoop(this.redis.opsForSet().add(this.prefix + set, members.toArray(String[]::new)).then());
	}

	/**
	 * Reads the marker, writing it first when it is missing.
	 * @param name the marker's name
	 * @param candidate the value to write when it is missing
	 * @return the value Redis holds
	 */
	Mono<String> marker(String name, String candidate) {
		return offLoop(this.redis.execute(MARKER, List.of(this.prefix + name), List.of(candidate)).single());
	}

	/**
	 * Checks that Redis answers.
	 * @return completion, an error when it does not
	 */
	Mono<Void> ping() {
		return offLoop(this.redis.execute((ReactiveRedisCallback<String>) (connection) -> connection.ping()).then());
	}

	/**
	 * Removes every name under the prefix; for tests.
	 * @return completion
	 */
	Mono<Void> clear() {
		return this.redis.keys(this.prefix + "*").collectList().flatMap((keys) -> keys.isEmpty() ? Mono.empty()
				: this.redis.delete(Flux.fromIterable(keys)).then());
	}

}
