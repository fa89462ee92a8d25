package dev.apigw.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An API's customisation of a gateway response type.
 *
 * @param type the response type
 * @param statusCode the status to answer with, {@code null} for the type's default
 * @param responseParameters {@code gatewayresponse.header.X} to a source expression
 * ({@code 'static'}, {@code method.request.header.Y}, {@code stageVariables.V},
 * {@code context.V})
 * @param responseTemplates content type to body template; {@code $context} and
 * {@code $stageVariables} references are substituted (AWS does not run VTL here)
 */
public record GatewayResponse(GatewayResponseType type, @Nullable Integer statusCode,
		Map<String, String> responseParameters, Map<String, String> responseTemplates) {

	public GatewayResponse {
		responseParameters = Copies.map(responseParameters);
		responseTemplates = Copies.map(responseTemplates);
	}

}
