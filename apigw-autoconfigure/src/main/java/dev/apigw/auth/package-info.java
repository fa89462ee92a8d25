/**
 * Access control: API keys (the repository SPI, its YAML-backed default and the API key
 * phase); resource policies, authorizers (Lambda, Cognito-style JWT, IAM SigV4), CORS and TLS
 * client certificates in subpackages; gateway-wide settings here.
 */
@NullMarked
package dev.apigw.auth;

import org.jspecify.annotations.NullMarked;
