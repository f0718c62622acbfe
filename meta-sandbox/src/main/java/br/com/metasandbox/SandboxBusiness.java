package br.com.metasandbox;

/** A business portfolio (Business Manager) in the sandbox; {@code id} is a decimal string like Meta's. */
public record SandboxBusiness(String id, String name) {}
