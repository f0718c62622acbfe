@NullMarked
package br.com.whatsappoficial.meta;

import org.jspecify.annotations.NullMarked;
