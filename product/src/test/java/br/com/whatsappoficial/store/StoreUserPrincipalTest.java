package br.com.whatsappoficial.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreUserPrincipalTest {

    @Test
    void comesBackFromTheSessionTableAsTheSameUserOfTheSameStore() throws Exception {
        StoreUserPrincipal ana = new StoreUserPrincipal(
                UUID.randomUUID(),
                StoreId.random(),
                "Loja Aurora",
                "ana@aurora.example",
                "Ana Lima",
                StoreRole.ADMIN,
                Instant.parse("2026-11-20T12:00:00Z"),
                "{bcrypt}hash");
        ana.eraseCredentials();

        StoreUserPrincipal read = roundTrip(ana);

        assertThat(read).usingRecursiveComparison().isEqualTo(ana);
        assertThat(read.getPassword()).isNull();
    }

    @Test
    void keepsItsSerialVersionAcrossReleases() {
        assertThat(ObjectStreamClass.lookup(StoreUserPrincipal.class).getSerialVersionUID())
                .isEqualTo(1L);
    }

    private static StoreUserPrincipal roundTrip(StoreUserPrincipal principal)
            throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(principal);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (StoreUserPrincipal) in.readObject();
        }
    }
}
