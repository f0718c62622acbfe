package br.com.whatsappoficial;

import br.com.testsupport.PostgresIntegrationTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/** The pool recycled under the product running on PostgreSQL, as in production. */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"onboarding.registration-poll=200ms", "sandbox.webhooks.poll-interval=200ms"})
class PoolRecycleOnPostgresIT extends PoolRecycleJourney {}
