package br.com.whatsappoficial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import br.com.whatsappoficial.store.CrossStore;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

class ArchitectureTests {

    static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("br.com.whatsappoficial");

    /** The leased-jobs module queries a table across stores: using it is direct JDBC like any other. */
    static final String LEASED_JOBS = "br.com.leasedjobs..";

    @Test
    void storeOwnedDataIsOnlyQueriedThroughTheStoreScope() {
        noClasses()
                .that()
                .areNotAnnotatedWith(CrossStore.class)
                .and()
                .doNotHaveFullyQualifiedName(StoreScopedJdbc.class.getName())
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(JdbcClient.class.getName())
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(JdbcOperations.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(NamedParameterJdbcOperations.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(DataSource.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(Connection.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage(LEASED_JOBS)
                .because("every store-owned query must go through StoreScopedJdbc, which binds the current store;"
                        + " classes that must see all stores (such as the leased queues, which claim every"
                        + " store's rows) say why with @CrossStore")
                .check(PRODUCT);
    }
}
