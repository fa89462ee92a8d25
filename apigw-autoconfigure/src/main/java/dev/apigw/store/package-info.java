/**
 * The state SPI: everything that must be shared between gateway instances, each behind a
 * small interface with its in-memory implementation (the default) and its Redis
 * implementation side by side: token buckets, quota and usage counters
 * ({@link dev.apigw.store.RateLimitStore}), stage response caches
 * ({@link dev.apigw.store.ResponseCacheStore}), deployments and stage pointers
 * ({@link dev.apigw.store.DeploymentStore}), Lambda authorizer results
 * ({@link dev.apigw.store.AuthorizerResultCache}) and WebSocket connections
 * ({@link dev.apigw.store.ConnectionStore}). The management state of the runtime management
 * API goes here too, the same way. This package depends on nothing of the gateway's but the
 * model: a store of another feature's values takes a {@link dev.apigw.store.ValueCodec} from
 * that feature instead of importing its types.
 */
@NullMarked
package dev.apigw.store;

import org.jspecify.annotations.NullMarked;
