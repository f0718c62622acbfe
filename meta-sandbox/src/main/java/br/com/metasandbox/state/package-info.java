/** What Meta knows: businesses, WhatsApp Business Accounts, numbers and their profiles, tokens and codes, messages and uploads, in the sandbox's own tables. */
@NullMarked
package br.com.metasandbox.state;

import org.jspecify.annotations.NullMarked;
