/** The Embedded Signup popup under {@code /sandbox/dialog}: its screens and their order, the run's session, Meta's display-name rules, and the messages it posts to the opener. */
@NullMarked
package br.com.metasandbox.signup;

import org.jspecify.annotations.NullMarked;
