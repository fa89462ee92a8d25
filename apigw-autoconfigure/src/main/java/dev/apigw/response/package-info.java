@NullMarked
package dev.apigw.response;

import org.jspecify.annotations.NullMarked;
