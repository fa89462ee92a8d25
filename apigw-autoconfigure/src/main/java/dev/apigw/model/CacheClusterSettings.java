package dev.apigw.model;

/**
 * A stage's response cache (AWS's cache cluster): whether it is on and how many bytes of
 * responses it holds at most. Methods opt in through their method settings.
 *
 * @param enabled whether the stage caches responses
 * @param sizeBytes the most bytes of cached responses (keys, headers and bodies) the cache
 * holds in memory
 */
public record CacheClusterSettings(boolean enabled, long sizeBytes) {

	/** The default capacity: 64 MB. */
	public static final long DEFAULT_SIZE = 64L * 1024 * 1024;

	/** No cache. */
	public static final CacheClusterSettings DISABLED = new CacheClusterSettings(false, DEFAULT_SIZE);

}
