/**
 * Lambda integrations (LAMBDA and LAMBDA_PROXY) served in-process: the function registry,
 * the proxy event (payload format 1.0) and the validation of proxy responses, and the
 * invocation of handlers written against AWS's Lambda interfaces on a bounded scheduler.
 * Loaded only when {@code com.amazonaws:aws-lambda-java-core} is on the classpath.
 */
@NullMarked
package dev.apigw.integration.lambda;

import org.jspecify.annotations.NullMarked;
