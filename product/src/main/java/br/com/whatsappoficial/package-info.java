@NullMarked
package br.com.whatsappoficial;

import org.jspecify.annotations.NullMarked;
