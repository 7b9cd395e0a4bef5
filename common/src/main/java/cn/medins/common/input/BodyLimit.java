package cn.medins.common.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest body an operation reads, enforced by {@link RequestBodies} before and while the body is
 * read (a declared length over it is refused before a byte is read; a chunked body is cut off when it
 * passes it). An operation without this annotation reads at most {@link RequestBodies#DEFAULT_LIMIT}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyLimit {

    /** The limit in bytes. */
    long bytes();

    /** What the limit is for, in the refusal: "a batch of at most 1,000 fee lines". */
    String holds() default "";
}
