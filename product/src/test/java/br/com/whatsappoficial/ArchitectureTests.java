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
                .because("every store-owned query must go through StoreScopedJdbc, which binds the current store;"
                        + " classes that must see all stores say why with @CrossStore")
                .check(PRODUCT);
    }
}
