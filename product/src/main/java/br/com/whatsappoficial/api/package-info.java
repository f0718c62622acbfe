/**
 * The campaign engine's HTTP API as a whole: API keys (their page, and the bearer authentication that
 * binds each request to the key's store), the one error shape of {@code /api/v1} (problem+json with a
 * stable code, thrown as an {@link br.com.whatsappoficial.api.ApiProblem}) and the OpenAPI description.
 * The resources themselves live in the modules that own their data, annotated {@link
 * br.com.whatsappoficial.api.CampaignApi}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"store", "meta"})
package br.com.whatsappoficial.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
