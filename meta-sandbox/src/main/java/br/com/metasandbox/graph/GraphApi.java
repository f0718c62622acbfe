package br.com.metasandbox.graph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the controllers that play graph.facebook.com, so that their errors use Meta's envelope. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface GraphApi {

    /** Where the sandbox Graph API lives; any {@code vNN.N} version answers with the same shapes (contract §9). */
    String BASE = "/sandbox/graph/{version:v\\d+\\.\\d+}";
}
