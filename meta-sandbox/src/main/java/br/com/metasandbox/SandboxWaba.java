package br.com.metasandbox;

/** A WhatsApp Business Account owned by a sandbox business. */
public record SandboxWaba(String id, String businessId, String name) {}
