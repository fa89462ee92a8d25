package dev.apigw.websocket;

import java.util.Map;

import dev.apigw.auth.iam.IamCredentials;
import dev.apigw.auth.iam.SigV4Verifier;
import dev.apigw.auth.policy.PolicyDocument;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.PolicyDecision;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.GatewayEnvironment;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * IAM for WebSocket APIs, as on AWS: {@code @connections} calls must be SigV4-signed by a
 * principal whose identity policies allow {@code execute-api:ManageConnections} on
 * {@code arn:aws:execute-api:{region}:{account}:{api}/{stage}/{VERB}/@connections/{id}};
 * handshakes of {@code AWS_IAM} {@code $connect} routes must be signed by a principal
 * allowed {@code execute-api:Invoke} on {@code .../{stage}/$connect}. Configured whenever an
 * {@link dev.apigw.auth.iam.IamCredentialsRepository} bean exists.
 */
public final class IamWebSocketAccess implements ConnectionsAccessCheck, ConnectAuthorizer {

	/** The action {@code @connections} calls need. */
	public static final String MANAGE_CONNECTIONS = "execute-api:ManageConnections";

	private final SigV4Verifier verifier;

	private final GatewayEnvironment environment;

	/**
	 * Creates the access rules.
	 * @param verifier verifies signatures
	 * @param environment region and account of the ARNs
	 */
	public IamWebSocketAccess(SigV4Verifier verifier, GatewayEnvironment environment) {
		this.verifier = verifier;
		this.environment = environment;
	}

	@Override
	public Mono<Void> check(ServerWebExchange exchange, byte[] body, String apiId, String stage, String connectionId) {
		String arn = arn(apiId, stage) + "/" + exchange.getRequest().getMethod().name() + "/@connections/"
				+ connectionId;
		return this.verifier.verify(exchange.getRequest(), body, this.environment.region())
			.doOnNext((credentials) -> allow(credentials, MANAGE_CONNECTIONS, arn, exchange))
			.then();
	}

	@Override
	public Mono<ConnectAuthorization> authorize(ConnectRequest request) {
		String arn = arn(request.api().id(), request.stage()) + "/$connect";
		return this.verifier.verify(request.exchange().getRequest(), new byte[0], this.environment.region())
			.map((credentials) -> {
				allow(credentials, PolicyDocument.INVOKE, arn, request.exchange());
				return new ConnectAuthorization(credentials.principalId(), Map.of("userArn", credentials.userArn()),
						null);
			});
	}

	private String arn(String apiId, String stage) {
		return "arn:aws:execute-api:" + this.environment.region() + ":" + this.environment.accountId() + ":" + apiId
				+ "/" + stage;
	}

	private static void allow(IamCredentials credentials, String action, String arn, ServerWebExchange exchange) {
		PolicyDecision decision = credentials.decide(action, arn, sourceIp(exchange));
		if (decision != PolicyDecision.ALLOW) {
			throw new GatewayResponseException(GatewayResponseType.ACCESS_DENIED, "User: " + credentials.userArn()
					+ " is not authorized to perform: " + action + " on resource: " + arn);
		}
	}

	private static @Nullable String sourceIp(ServerWebExchange exchange) {
		var remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
	}

}
