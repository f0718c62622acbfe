/** The Graph API as Meta answers it under {@code /sandbox/graph}: its endpoints and their parameters, access tokens and {@code appsecret_proof}, the rules behind each call (code requests, registration, messages and their templates and messaging limit, uploads), Meta's error envelope and the faults the console switches on. */
@NullMarked
package br.com.metasandbox.graph;

import org.jspecify.annotations.NullMarked;
