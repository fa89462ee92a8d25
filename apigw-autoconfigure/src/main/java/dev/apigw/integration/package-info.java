@NullMarked
package dev.apigw.integration;

import org.jspecify.annotations.NullMarked;
