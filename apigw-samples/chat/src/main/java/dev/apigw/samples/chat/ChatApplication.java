package dev.apigw.samples.chat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebSocket chat on apigw, shaped like AWS's simple-websockets-chat-app: clients connect
 * to {@code ws://localhost:8080/chat/dev}, send {@code {"action":"sendmessage","data":"..."}},
 * and every connected client receives the data.
 */
@SpringBootApplication
public class ChatApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChatApplication.class, args);
	}

}
