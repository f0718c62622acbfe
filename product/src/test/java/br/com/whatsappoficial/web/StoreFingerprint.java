package br.com.whatsappoficial.web;

import br.com.whatsappoficial.store.StoreId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every row of a store, in every table with a store_id, as one text: any change to the store shows in it. */
final class StoreFingerprint {

    private StoreFingerprint() {}

    /** Leaves out the columns the node's own schedulers and logins move. */
    static String of(JdbcClient jdbc, StoreId store) {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.sql("select table_name from information_schema.columns where column_name = 'store_id'"
                        + " and table_schema = current_schema() order by table_name")
                .query(String.class)
                .list()) {
            all.append(table)
                    .append('=')
                    .append(jdbc.sql(
                                    "select coalesce(md5(string_agg((to_jsonb(t) - array['next_sync_at', 'last_sync_at',"
                                            + " 'last_outcome', 'last_login_at'])::text, '|' order by t::text)), '') from "
                                            + table + " t where store_id = :store")
                            .param("store", store.value())
                            .query(String.class)
                            .single())
                    .append('\n');
        }
        return all.toString();
    }
}
