@NullMarked
package br.com.whatsappoficial.onboarding;

import org.jspecify.annotations.NullMarked;
