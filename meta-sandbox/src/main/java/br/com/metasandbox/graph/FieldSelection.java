package br.com.metasandbox.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code fields} parameter: which fields of a node to return, defaults when absent, and Graph's
 * "(#100) Tried accessing nonexisting field" for names the node does not have. Nested selections
 * ({@code edge{a,b}}) are accepted and their inner list ignored.
 */
record FieldSelection(List<String> names) {

    static FieldSelection of(GraphParams params, List<String> defaults, Set<String> known, String nodeType) {
        String requested = params.text("fields").map(String::strip).orElse("");
        if (requested.isEmpty()) {
            return new FieldSelection(defaults);
        }
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : requested.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                add(names, current.toString(), known, nodeType);
                current.setLength(0);
            } else if (depth == 0) {
                current.append(c);
            }
        }
        add(names, current.toString(), known, nodeType);
        if (!names.contains("id")) {
            // Graph always returns the id of the node it read.
            names.add("id");
        }
        return new FieldSelection(List.copyOf(names));
    }

    private static void add(List<String> names, String raw, Set<String> known, String nodeType) {
        String name = raw.strip();
        if (name.isEmpty() || names.contains(name)) {
            return;
        }
        if (!known.contains(name)) {
            throw GraphRefusal.nonexistingField(name, nodeType);
        }
        names.add(name);
    }
}
