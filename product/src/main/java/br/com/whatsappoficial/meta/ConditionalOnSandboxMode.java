package br.com.whatsappoficial.meta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** A bean that exists only in sandbox mode ({@code meta.mode=sandbox}, the default). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = "meta.mode", havingValue = "sandbox", matchIfMissing = true)
public @interface ConditionalOnSandboxMode {}
