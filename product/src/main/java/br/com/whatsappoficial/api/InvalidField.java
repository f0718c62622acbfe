package br.com.whatsappoficial.api;

/**
 * One invalid field of a {@code validation} problem.
 *
 * @param field the JSON property path ({@code template.name}, {@code recipients[3]}), header or
 *     parameter name
 * @param message what is wrong with it, translated
 */
public record InvalidField(String field, String message) {}
