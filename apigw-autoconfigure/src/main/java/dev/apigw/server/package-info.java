/**
 * Protection of the HTTP server itself, below the gateway: a deadline for each request's
 * line and headers, the idle time of keep-alive connections, an optional cap on the
 * connections of one client address, RFC 9112's {@code Host} rules, and JSON bodies for the
 * answers the server gives to requests it cannot parse. Installed into Reactor Netty with a
 * {@code NettyServerCustomizer}; applies to the whole server, API mounts and the
 * application's own handlers alike.
 */
@NullMarked
package dev.apigw.server;

import org.jspecify.annotations.NullMarked;
