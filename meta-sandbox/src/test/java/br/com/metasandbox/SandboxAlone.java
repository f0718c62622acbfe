package br.com.metasandbox;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The sandbox's tests run it alone, without the product: a bare Spring Boot application whose only beans
 * are the ones the sandbox's auto-configuration registers. What works here works beside any product.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SandboxAlone {}
