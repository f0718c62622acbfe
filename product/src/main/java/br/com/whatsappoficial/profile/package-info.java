/**
 * Personalizar: the store's logo as the number's WhatsApp profile picture and the business profile customers
 * see (about, description, address, email, websites, category), kept in step with Meta's copy.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"meta", "store", "account"})
package br.com.whatsappoficial.profile;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
