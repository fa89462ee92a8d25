package dev.apigw.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Where token buckets, quota counters and usage records live: in this instance's memory
 * (the default) or in Redis, shared by every instance. Each admission is one atomic
 * read-modify-write, so N instances sharing a store enforce one limit exactly.
 */
public interface RateLimitStore {

	/**
	 * Decides whether a request is admitted and, when it is, consumes from every limit.
	 * @param request the limits the request must pass
	 * @return the answer; an error when the store cannot be reached
	 */
	Mono<Admission> admit(AdmissionRequest request);

	/**
	 * Reads counters and recorded values.
	 * @param names the names
	 * @return the values of the names present
	 */
	Mono<Map<String, Long>> read(List<String> names);

	/**
	 * Reads a set.
	 * @param set the set's name
	 * @return the members, empty when there is no such set
	 */
	Mono<Set<String>> members(String set);

}
