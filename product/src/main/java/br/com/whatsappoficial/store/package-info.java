@NullMarked
package br.com.whatsappoficial.store;

import org.jspecify.annotations.NullMarked;
