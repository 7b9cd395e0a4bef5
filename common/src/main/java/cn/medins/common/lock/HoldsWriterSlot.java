package cn.medins.common.lock;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Work whose transaction may wait for a row or table lock holds one of the service's writer slots
 * ({@link WriterSlots}) while it runs, so that however many requests wait for one locked table, the
 * rest of the connection pool stays free for reads and health checks. Every method that begins a
 * transaction carries it, on itself or its class (the architecture test checks this).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface HoldsWriterSlot {
}
