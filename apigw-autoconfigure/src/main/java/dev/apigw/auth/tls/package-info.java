/**
 * TLS between the gateway and its backends: a stage's client certificate (an SSL bundle)
 * presented to HTTPS backends, so they can check that calls come from the gateway.
 */
@NullMarked
package dev.apigw.auth.tls;

import org.jspecify.annotations.NullMarked;
