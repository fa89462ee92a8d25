/**
 * API keys: the repository SPI, its YAML-backed default and the API key phase.
 */
@NullMarked
package dev.apigw.auth;

import org.jspecify.annotations.NullMarked;
