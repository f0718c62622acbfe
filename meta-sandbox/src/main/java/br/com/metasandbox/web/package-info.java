/** How the sandbox is served: the security of its Graph API and of its pages, its static files, and times as its pages show them. */
@NullMarked
package br.com.metasandbox.web;

import org.jspecify.annotations.NullMarked;
