/**
 * Usage plans, quotas, usage records and token-bucket throttling at every level AWS names.
 */
@NullMarked
package dev.apigw.throttle;

import org.jspecify.annotations.NullMarked;
