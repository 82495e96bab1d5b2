package org.ecgworkbench.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The documented range of a numeric option, declared beside its {@code @Option}. {@link OptionRanges}
 * checks every option's value against it before a command starts (exit 2 naming the option and the
 * range); the bounds are decimal text so a {@code long} bound is exact.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Range {
    String min();

    String max();

    /** Whether {@link #min()} itself is outside the range. */
    boolean minExclusive() default false;

    /** Whether {@link #max()} itself is outside the range. */
    boolean maxExclusive() default false;
}
