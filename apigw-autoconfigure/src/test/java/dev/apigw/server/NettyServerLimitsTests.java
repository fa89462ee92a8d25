package dev.apigw.server;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits on a bare Reactor Netty server that also speaks cleartext HTTP/2: a connection
 * that leaves HTTP/1.1 (prior knowledge, or an upgrade) is no longer the guard's, so a
 * response slower than the header deadline still arrives.
 */
class NettyServerLimitsTests {

	private DisposableServer server;

	@BeforeEach
	void start() {
		this.server = new NettyServerLimits(Duration.ofMillis(300), null, 0)
			.apply(HttpServer.create().host("127.0.0.1").port(0).protocol(HttpProtocol.HTTP11, HttpProtocol.H2C))
			.handle((request, response) -> response
				.sendString(Mono.delay(Duration.ofMillis(600)).map((tick) -> "slow " + request.protocol())))
			.bindNow();
	}

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	enum Client {

		PRIOR_KNOWLEDGE(HttpProtocol.H2C), UPGRADE(HttpProtocol.HTTP11, HttpProtocol.H2C);

		private final HttpProtocol[] protocols;

		Client(HttpProtocol... protocols) {
			this.protocols = protocols;
		}

	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void http2ConnectionsOutliveTheHeaderDeadline(Client client) {
		HttpClient http = HttpClient.create().protocol(client.protocols);
		String uri = "http://127.0.0.1:" + this.server.port() + "/";
		for (int i = 0; i < 2; i++) {
			String body = http.get().uri(uri).responseContent().aggregate().asString().block(Duration.ofSeconds(10));
			assertThat(body).isEqualTo("slow HTTP/2.0");
		}
	}

}
