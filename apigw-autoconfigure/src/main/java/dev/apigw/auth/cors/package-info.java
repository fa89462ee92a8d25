/**
 * CORS as API Gateway's console sets it up ("Enable CORS": an OPTIONS MOCK method and
 * Access-Control-Allow-Origin on the other methods' responses), and preflights answered
 * before any authorization, API key or throttle check.
 */
@NullMarked
package dev.apigw.auth.cors;

import org.jspecify.annotations.NullMarked;
