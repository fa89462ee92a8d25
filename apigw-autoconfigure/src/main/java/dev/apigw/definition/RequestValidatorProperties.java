package dev.apigw.definition;

/**
 * A request validator ("apigw.apis.<id>.request-validators.<name>").
 */
public class RequestValidatorProperties {

	/**
	 * Whether the request body is validated against the method's model.
	 */
	private boolean validateRequestBody;

	/**
	 * Whether required request parameters are checked.
	 */
	private boolean validateRequestParameters;

	public boolean isValidateRequestBody() {
		return this.validateRequestBody;
	}

	public void setValidateRequestBody(boolean validateRequestBody) {
		this.validateRequestBody = validateRequestBody;
	}

	public boolean isValidateRequestParameters() {
		return this.validateRequestParameters;
	}

	public void setValidateRequestParameters(boolean validateRequestParameters) {
		this.validateRequestParameters = validateRequestParameters;
	}

}
