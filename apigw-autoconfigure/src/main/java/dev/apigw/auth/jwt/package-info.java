/**
 * Cognito-style authorizers ({@code COGNITO_USER_POOLS}): JWTs validated with Spring
 * Security's JOSE support against each issuer's keys, ID tokens for methods without
 * scopes, access tokens with a matching {@code scope} for methods with scopes, claims in
 * {@code $context.authorizer.claims}. Only loaded when Spring Security's JOSE support is
 * on the classpath.
 */
@NullMarked
package dev.apigw.auth.jwt;

import org.jspecify.annotations.NullMarked;
