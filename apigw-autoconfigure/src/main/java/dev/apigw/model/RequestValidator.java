package dev.apigw.model;

/**
 * A named request validator: which parts of a request are checked against the method's
 * declared parameters and models.
 *
 * @param name the validator name
 * @param validateRequestBody whether the body is validated against the model
 * @param validateRequestParameters whether required parameters are checked
 */
public record RequestValidator(String name, boolean validateRequestBody, boolean validateRequestParameters) {

}
