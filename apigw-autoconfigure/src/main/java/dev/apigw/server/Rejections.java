package dev.apigw.server;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * The answers the server gives to requests it refuses before any handler sees them, in the
 * gateway responses' shape ({@code {"message":"..."}}, {@code application/json}) and always
 * with {@code Connection: close}: the rest of the connection's input cannot be trusted.
 */
enum Rejections {

	BAD_REQUEST(400, "Bad Request"),

	REQUEST_TIMEOUT(408, "Request Timeout"),

	URI_TOO_LONG(414, "URI Too Long"),

	HEADERS_TOO_LARGE(431, "Request Header Fields Too Large");

	private final HttpResponseStatus status;

	private final byte[] body;

	/**
	 * A rejection whose reason phrase and message are RFC 9110's name of the status.
	 */
	Rejections(int code, String reason) {
		this.status = HttpResponseStatus.valueOf(code, reason);
		this.body = ("{\"message\":\"" + reason + "\"}").getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The rejection for a request the decoder could not parse, by the status Reactor Netty
	 * itself would answer: an over-long request line is 414, over-large headers 431.
	 */
	static Rejections forDecodingFailure(Throwable failure) {
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		if (cause instanceof TooLongHttpLineException) {
			return URI_TOO_LONG;
		}
		if (cause instanceof TooLongHttpHeaderException) {
			return HEADERS_TOO_LARGE;
		}
		return BAD_REQUEST;
	}

	int code() {
		return this.status.code();
	}

	FullHttpResponse response() {
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, this.status,
				Unpooled.wrappedBuffer(this.body));
		HttpHeaders headers = response.headers();
		headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
		headers.setInt(HttpHeaderNames.CONTENT_LENGTH, this.body.length);
		headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		return response;
	}

}
