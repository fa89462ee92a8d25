package dev.apigw.samples.chat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.apigw.websocket.WebSocketConnections;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chat's Lambda-style handlers, one per route. On AWS the connection ids would live in
 * DynamoDB and {@code sendmessage} would call the {@code ApiGatewayManagementApi}; here the
 * room is a set in memory and messages go out through {@link WebSocketConnections}, which
 * reaches connections held by any instance when the store is Redis.
 */
@Configuration(proxyBeanMethods = false)
class ChatHandlers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Set<String> room = ConcurrentHashMap.newKeySet();

	@Bean
	RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> onConnect() {
		return (event, context) -> {
			this.room.add(event.getRequestContext().getConnectionId());
			return response(200, "Connected.");
		};
	}

	@Bean
	RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> onDisconnect() {
		return (event, context) -> {
			this.room.remove(event.getRequestContext().getConnectionId());
			return response(200, "Disconnected.");
		};
	}

	@Bean
	RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> sendMessage(
			WebSocketConnections connections) {
		return (event, context) -> {
			Object data = JSON.readValue(event.getBody(), Map.class).get("data");
			String text = String.valueOf(data);
			// handlers run off the event loop, so waiting for the sends is fine
			Flux.fromIterable(this.room)
				.flatMap((id) -> connections.send(id, text)
					.onErrorResume(WebSocketConnections.GoneException.class, (gone) -> {
						this.room.remove(id);
						return Mono.empty();
					}))
				.then()
				.block(Duration.ofSeconds(10));
			return response(200, "Data sent.");
		};
	}

	@Bean
	RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> help() {
		return (event, context) -> response(200,
				"Send {\"action\":\"sendmessage\",\"data\":\"...\"} to talk to everyone in the room.");
	}

	private static APIGatewayV2WebSocketResponse response(int status, String body) {
		APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
		response.setStatusCode(status);
		response.setBody(body);
		return response;
	}

}
