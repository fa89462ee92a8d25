@NullMarked
package dev.apigw.autoconfigure;

import org.jspecify.annotations.NullMarked;
