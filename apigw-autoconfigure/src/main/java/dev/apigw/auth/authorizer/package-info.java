/**
 * The authorization phase and Lambda-style authorizers: the {@link
 * dev.apigw.auth.authorizer.MethodAuthorizer} each authorization type plugs in, TOKEN and
 * REQUEST authorizers backed by in-process functions, and how their results are written
 * to the result cache, which is a store ({@link dev.apigw.store.AuthorizerResultCache}).
 */
@NullMarked
package dev.apigw.auth.authorizer;

import org.jspecify.annotations.NullMarked;
