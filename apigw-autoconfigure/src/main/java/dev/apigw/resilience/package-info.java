/**
 * Resilience of integrations: circuit breakers.
 */
@NullMarked
package dev.apigw.resilience;

import org.jspecify.annotations.NullMarked;
