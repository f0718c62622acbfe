@NullMarked
package br.com.whatsappoficial.web;

import org.jspecify.annotations.NullMarked;
