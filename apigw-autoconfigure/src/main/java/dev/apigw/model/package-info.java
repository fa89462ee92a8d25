@NullMarked
package dev.apigw.model;

import org.jspecify.annotations.NullMarked;
