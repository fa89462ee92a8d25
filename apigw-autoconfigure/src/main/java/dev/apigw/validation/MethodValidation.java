package dev.apigw.validation;

import org.jspecify.annotations.Nullable;

/**
 * What a method's request validator checks, compiled once per deployment.
 *
 * @param parameters the required parameters, {@code null} when parameters are not validated
 * or none is required
 * @param body the body models, {@code null} when the body is not validated
 */
record MethodValidation(@Nullable RequiredParameters parameters, @Nullable BodyModels body) {

}
