/**
 * Due rows of a table handed out to one claimer at a time under a lease ({@code FOR UPDATE SKIP LOCKED}),
 * on PostgreSQL and on H2 in PostgreSQL mode.
 */
@NullMarked
package br.com.leasedjobs;

import org.jspecify.annotations.NullMarked;
