package br.com.whatsappoficial.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.metasandbox.SandboxFault;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.graph.Faults;
import br.com.metasandbox.state.SandboxProfiles;
import br.com.metasandbox.state.SandboxUploads;
import br.com.metasandbox.state.WhatsAppBusinessProfile;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The profile on PostgreSQL against the sandbox: the logo goes through the Resumable Upload API (and resumes
 * when a chunk is cut off), the fields with their pt-BR errors, Meta's copy edited elsewhere brought back,
 * each sync on the number's timeline, and no store seeing or changing another's profile.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@Import(SendingStores.class)
// The same settings as the other ITs of connected stores, so that they share one application context.
@TestPropertySource(
        properties = {
            "messaging.proactive-floor=3",
            "messaging.outbox-poll=100ms",
            "messaging.retry-delay=200ms",
            "account.reconciliation-poll=1h",
            "template.sync-poll=1h"
        })
class ProfileSyncIT {

    static final String PAGE = ProfileController.PATH;

    @Autowired
    MockMvc mvc;

    @Autowired
    SendingStores stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    Faults faults;

    @Autowired
    SandboxProfiles metaProfiles;

    @Autowired
    SandboxUploads metaUploads;

    @Autowired
    StoreDirectory directory;

    @Autowired
    ProfileChecks checks;

    @Autowired
    JdbcClient jdbc;

    Shop shop;
    StoreUserPrincipal admin;

    @BeforeEach
    void aConnectedStore() {
        shop = stores.connected("perfil");
        admin = StoreFixtures.addAdmin(
                jdbc, directory, shop.store(), "dona-" + UUID.randomUUID() + "@perfil.example", "senha-admin-1");
    }

    @AfterEach
    void metaAnswersAgain() {
        sandbox.clearFaults();
    }

    @Test
    void theLogoReachesMetaWholeEvenWhenAChunkIsCutOffMidway() throws Exception {
        sandbox.setFault("uploads.chunk", SandboxFault.httpStatus(503));

        mvc.perform(multipart(PAGE + "/foto")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", logo(900, 500)))
                        .param("cropX", "0")
                        .param("cropY", "50")
                        .with(user(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        byte[] ours = mvc.perform(get(PAGE + "/foto").with(user(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(faults.all()).as("the cut happened").doesNotContainKey("uploads.chunk");
        String handle = metaProfiles
                .of(shop.phone().id())
                .map(WhatsAppBusinessProfile::profilePictureHandle)
                .orElseThrow();
        assertThat(metaUploads.byHandle(handle).orElseThrow().content())
                .as("Meta got every byte once, in order")
                .isEqualTo(ours);
        assertThat(timeline()).containsExactly("PROFILE_SYNCED:PROFILE_PICTURE");

        // Opening the page again checks Meta's copy and finds nothing to send.
        mvc.perform(get(PAGE + "/sincronia").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enviado ao WhatsApp em")));
        assertThat(timeline()).hasSize(1);
    }

    @Test
    void refusesAFileThatIsNoImageAndKeepsThePictureItHad() throws Exception {
        mvc.perform(multipart(PAGE + "/foto")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", "não sou imagem".getBytes()))
                        .with(user(admin))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("não é uma imagem PNG, JPEG ou WebP")));
        mvc.perform(get(PAGE + "/foto").with(user(admin))).andExpect(status().isNotFound());
    }

    @Test
    void fieldsAreCheckedSentAndBroughtBackWhenEditedElsewhere() throws Exception {
        mvc.perform(post(PAGE)
                        .with(user(admin))
                        .with(csrf())
                        .param("about", "Moda praia")
                        .param("email", "contato-sem-arroba")
                        .param("website1", "http://loja.example.com"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Informe um e-mail válido")))
                .andExpect(content().string(containsString("comece com https://")))
                // What was typed stays in the form.
                .andExpect(content().string(containsString("value=\"contato-sem-arroba\"")));
        assertThat(metaProfiles.of(shop.phone().id())).isEmpty();

        mvc.perform(post(PAGE)
                        .with(user(admin))
                        .with(csrf())
                        .param("about", "Moda praia")
                        .param("description", "Biquínis e saídas de praia.")
                        .param("email", "contato@loja.example.com")
                        .param("website1", "https://loja.example.com")
                        .param("vertical", "APPAREL"))
                .andExpect(status().is3xxRedirection());
        WhatsAppBusinessProfile atMeta = metaProfiles.of(shop.phone().id()).orElseThrow();
        assertThat(atMeta.about()).isEqualTo("Moda praia");
        assertThat(atMeta.vertical()).isEqualTo("APPAREL");
        assertThat(atMeta.websites()).containsExactly("https://loja.example.com");

        // Someone changes the about line in WhatsApp Manager: the next check puts the store's back.
        metaProfiles.save(
                shop.phone().id(),
                new WhatsAppBusinessProfile(
                        "Outro recado", null, atMeta.description(), atMeta.email(), atMeta.websites(), "APPAREL", null),
                Instant.now());
        mvc.perform(get(PAGE + "/sincronia").with(user(admin))).andExpect(status().isOk());

        assertThat(metaProfiles.of(shop.phone().id()).orElseThrow().about()).isEqualTo("Moda praia");
        assertThat(timeline()).containsExactly("PROFILE_SYNCED:PROFILE_FIELDS", "PROFILE_SYNCED:PROFILE_FIELDS");
    }

    @Test
    void thePeriodicCheckBringsBackAPictureRemovedElsewhere() throws Exception {
        mvc.perform(multipart(PAGE + "/foto")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", logo(400, 400)))
                        .with(user(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        WhatsAppBusinessProfile atMeta = metaProfiles.of(shop.phone().id()).orElseThrow();
        metaProfiles.save(
                shop.phone().id(),
                new WhatsAppBusinessProfile(null, null, null, null, List.of(), null, null),
                Instant.now());
        jdbc.sql("update business_profiles set next_check_at = now() - interval '1 minute' where store_id = :store")
                .param("store", shop.store().value())
                .update();

        checks.checkDue();

        String handle = metaProfiles
                .of(shop.phone().id())
                .map(WhatsAppBusinessProfile::profilePictureHandle)
                .orElseThrow();
        assertThat(handle).isNotEqualTo(atMeta.profilePictureHandle());
        assertThat(timeline()).containsExactly("PROFILE_SYNCED:PROFILE_PICTURE", "PROFILE_SYNCED:PROFILE_PICTURE");
        assertThat(jdbc.sql(
                                "select next_check_at > now() + interval '1 hour' from business_profiles where store_id = :store")
                        .param("store", shop.store().value())
                        .query(Boolean.class)
                        .single())
                .as("the next check is hours away")
                .isTrue();
    }

    @Test
    void aSyncMetaRefusesIsShownOnceOnTheTimelineAndRetriedOnTheNextCheck() throws Exception {
        sandbox.setFault("phone.business_profile", SandboxFault.httpStatus(503));

        mvc.perform(post(PAGE).with(user(admin)).with(csrf()).param("about", "Aberto todos os dias"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(PAGE + "/sincronia").with(user(admin)))
                .andExpect(content().string(containsString("Não conseguimos enviar ao WhatsApp")));
        mvc.perform(get(PAGE + "/cartao").with(user(admin)))
                .andExpect(content().string(containsString("Não conseguimos atualizar o perfil")));
        assertThat(timeline()).containsExactly("PROFILE_SYNC_FAILED:");

        sandbox.clearFaults();
        mvc.perform(get(PAGE + "/sincronia").with(user(admin)))
                .andExpect(content().string(containsString("Enviado ao WhatsApp em")));
        assertThat(metaProfiles.of(shop.phone().id()).orElseThrow().about()).isEqualTo("Aberto todos os dias");
        assertThat(timeline()).containsExactly("PROFILE_SYNCED:PROFILE_FIELDS", "PROFILE_SYNC_FAILED:");
    }

    @Test
    void membersSeeTheProfileOnlyAdminsChangeItAndAnotherStoreSeesNone() throws Exception {
        mvc.perform(post(PAGE).with(user(admin)).with(csrf()).param("about", "Recado da loja perfil"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart(PAGE + "/foto")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", logo(300, 300)))
                        .with(user(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String memberEmail = "membro-" + UUID.randomUUID() + "@perfil.example";
        StoreFixtures.addMember(jdbc, directory, shop.store(), memberEmail, "senha-membro-1");
        StoreUserPrincipal member = StoreFixtures.login(directory, memberEmail);
        Shop other = stores.connected("vizinha");
        StoreUserPrincipal otherAdmin = StoreFixtures.addAdmin(
                jdbc, directory, other.store(), "admin-" + UUID.randomUUID() + "@vizinha.example", "senha-admin-1");

        mvc.perform(get(PAGE).with(user(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Recado da loja perfil")))
                .andExpect(content().string(not(containsString("data-testid=\"save-fields\""))));
        mvc.perform(get(PAGE + "/cartao").with(user(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"personalizar\"")))
                .andExpect(content().string(containsString("data-testid=\"card-picture\"")));
        mvc.perform(post(PAGE).with(user(member)).with(csrf()).param("about", "Recado do membro"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart(PAGE + "/foto")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", logo(300, 300)))
                        .with(user(member))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(get(PAGE).with(user(otherAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Recado da loja perfil"))));
        mvc.perform(get(PAGE + "/foto").with(user(otherAdmin))).andExpect(status().isNotFound());
        mvc.perform(get(PAGE + "/sincronia").with(user(otherAdmin))).andExpect(status().isOk());
        assertThat(metaProfiles.of(other.phone().id()))
                .as("the neighbour's number is untouched")
                .isEmpty();
    }

    /** The number's timeline lines of this feature, newest first, as kind:detail. */
    private List<String> timeline() {
        return jdbc.sql("""
                        select kind, detail from account_timeline
                        where store_id = :store and kind like 'PROFILE%' order by occurred_at desc, seq desc""")
                .param("store", shop.store().value())
                .query((rs, row) ->
                        rs.getString("kind") + ":" + (rs.getString("detail") == null ? "" : rs.getString("detail")))
                .list();
    }

    private static byte[] logo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0xd3, 0x2f, 0x2f));
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
