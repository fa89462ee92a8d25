/**
 * The first method request phase: who is calling (the client address, through trusted
 * proxies only, and a verified client certificate) and the API's resource policy.
 */
@NullMarked
package dev.apigw.auth.resource;

import org.jspecify.annotations.NullMarked;
