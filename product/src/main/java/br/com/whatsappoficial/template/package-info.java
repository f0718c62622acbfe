/**
 * Message templates: the editor and its rules, the preview, creation, edits and deletions at Meta, and
 * each template's status, category (and Meta's notice of a coming recategorisation) and quality kept in
 * step with Meta's webhooks and a periodic sync.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"meta", "account", "store", "webhook", "api"})
package br.com.whatsappoficial.template;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
