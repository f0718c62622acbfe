@NullMarked
package br.com.whatsappoficial.account;

import org.jspecify.annotations.NullMarked;
