/**
 * WebSocket APIs: the client WebSocket terminated by the gateway, routes selected per
 * message, {@code $connect} / {@code $disconnect} / {@code $default}, route responses and
 * the {@code @connections} management API.
 */
@NullMarked
package dev.apigw.websocket;

import org.jspecify.annotations.NullMarked;
