/**
 * The state SPI: everything that must be shared between gateway instances (token buckets,
 * quota and usage counters) behind small interfaces with an in-memory default and a Redis
 * implementation. Later features add their own stores beside these.
 */
@NullMarked
package dev.apigw.store;

import org.jspecify.annotations.NullMarked;
