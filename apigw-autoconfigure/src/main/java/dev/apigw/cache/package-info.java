/**
 * The stage response cache: cache keys compiled per deployment, lookups before the
 * integration request, storing of integration responses, invalidation and flushing.
 */
@NullMarked
package dev.apigw.cache;

import org.jspecify.annotations.NullMarked;
