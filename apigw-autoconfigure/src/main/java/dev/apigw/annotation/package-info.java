/**
 * API definitions written as annotations on the application's own classes:
 * {@link dev.apigw.annotation.ApiResource} on a class and
 * {@link dev.apigw.annotation.ApiMethod} on WebFlux handler methods or Lambda-style
 * methods.
 */
@NullMarked
package dev.apigw.annotation;

import org.jspecify.annotations.NullMarked;
