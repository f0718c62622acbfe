package br.com.metasandbox;

/** A business phone number of a sandbox WABA, {@code displayPhoneNumber} formatted like Meta's ("+55 11 98765-4321"). */
public record SandboxPhone(String id, String wabaId, String displayPhoneNumber) {}
