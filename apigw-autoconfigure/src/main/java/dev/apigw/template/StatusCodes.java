package dev.apigw.template;

import java.math.BigInteger;
import java.util.Map;

/**
 * The status code of a MOCK integration, read from its rendered request template as AWS reads it:
 * {@code {"statusCode": 200}}, and also the unquoted {@code {statusCode: 200}} that the CDK emits.
 */
public final class StatusCodes {

	/** AWS's message when the status code cannot be read. */
	public static final String UNPARSABLE = "Unable to parse statusCode. It should be an integer that is defined in the request template.";

	private StatusCodes() {
	}

	/**
	 * @param renderedMockTemplate the output of the MOCK integration's request template
	 * @return the value of its {@code statusCode} field
	 * @throws TemplateRenderException if the text is not a JSON object or {@code statusCode} is
	 * missing or not an integer ({@code "200"} is a string, {@code 200.0} not an integer); AWS
	 * answers such a request with 500 {@code Internal server error}
	 */
	public static Integer statusCodeOf(String renderedMockTemplate) {
		Object document;
		try {
			document = JsonSupport.parse(renderedMockTemplate.strip(), false);
		}
		catch (SandboxViolation ex) {
			throw new TemplateRenderException(UNPARSABLE, ex);
		}
		if (document instanceof Map<?, ?> map) {
			Object status = map.get("statusCode");
			if (status instanceof Integer || status instanceof Long || status instanceof Short
					|| status instanceof Byte || status instanceof BigInteger) {
				Number number = (Number) status;
				if (BigInteger.valueOf(number.longValue()).equals(new BigInteger(number.toString()))
						&& number.longValue() >= Integer.MIN_VALUE && number.longValue() <= Integer.MAX_VALUE) {
					return (int) number.longValue();
				}
			}
		}
		throw new TemplateRenderException(UNPARSABLE);
	}

}
