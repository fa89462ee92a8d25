package dev.apigw.store;

import java.util.List;
import java.util.Map;

/**
 * A response kept in the stage cache: status, headers (without the per-request ids) and
 * body.
 *
 * @param status the status
 * @param headers header name to values, in the order they were sent
 * @param body the body
 */
public record CachedResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

	public CachedResponse {
		headers = List.copyOf(headers);
	}

	/**
	 * Roughly how many bytes the response takes in a cache: what bounds the in-memory cache.
	 * @return the weight in bytes
	 */
	public int weight() {
		int weight = this.body.length + 64;
		for (Map.Entry<String, String> header : this.headers) {
			weight += header.getKey().length() + header.getValue().length() + 32;
		}
		return weight;
	}

}
