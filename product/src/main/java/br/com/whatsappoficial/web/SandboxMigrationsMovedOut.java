package br.com.whatsappoficial.web;

import br.com.whatsappoficial.store.CrossStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Versions 100.0 to 102.0 of the product's history created the Meta sandbox's tables; the sandbox now
 * migrates them under its own history. A database of that time still lists them in the product's history,
 * where Flyway would refuse to start on migrations it can no longer find: they are forgotten there (the
 * tables stay, and the sandbox's history takes them over). Nothing else of the history is touched. Boot
 * hands every {@link Callback} bean to the product's Flyway.
 */
@Component
@CrossStore("the schema history belongs to the database, not to a store")
class SandboxMigrationsMovedOut implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String history = context.getConfiguration().getTable();
        Connection connection = context.getConnection();
        try (ResultSet tables = connection.getMetaData().getTables(null, null, history, new String[] {"TABLE"});
                Statement sql = connection.createStatement()) {
            if (tables.next()) {
                sql.executeUpdate("delete from " + history + " where version in ('100.0', '101.0', '102.0')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget the sandbox's migrations in " + history, e);
        }
    }

    @Override
    public String getCallbackName() {
        return "sandbox migrations moved out";
    }
}
