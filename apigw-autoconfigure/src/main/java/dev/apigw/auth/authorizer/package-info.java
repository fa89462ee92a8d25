/**
 * The authorization phase and Lambda-style authorizers: the {@link
 * dev.apigw.auth.authorizer.MethodAuthorizer} each authorization type plugs in, TOKEN and
 * REQUEST authorizers backed by in-process functions, and their result cache.
 */
@NullMarked
package dev.apigw.auth.authorizer;

import org.jspecify.annotations.NullMarked;
