package br.com.metasandbox.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a Graph list edge, as Meta answers it: {@code data} and {@code paging} with
 * {@code cursors.before/after}, and {@code previous}/{@code next} links only when there is such a page
 * (their absence is how a client knows it reached an end). {@code limit} is 1 to 100 (25 by default) and
 * capped by {@code sandbox.graph.max-page-size}; cursors are opaque to clients and here encode the item's
 * id (Meta's look like "QVFI…").
 */
final class CursorPages {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    private CursorPages() {}

    /** The page of {@code all} (already filtered and sorted) that {@code params} ask for, each item rendered. */
    static <T> Map<String, Object> answer(
            List<T> all, Function<T, String> id, Function<T, Object> render, GraphParams params, int maxPageSize) {
        List<T> page = page(all, id, params, maxPageSize);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", page.stream().map(render).toList());
        if (!page.isEmpty()) {
            String before = cursor(id.apply(page.getFirst()));
            String after = cursor(id.apply(page.getLast()));
            Map<String, Object> paging = new LinkedHashMap<>();
            paging.put("cursors", Map.of("before", before, "after", after));
            int first = all.indexOf(page.getFirst());
            if (first > 0) {
                paging.put("previous", pageUrl("before", before));
            }
            if (first + page.size() < all.size()) {
                paging.put("next", pageUrl("after", after));
            }
            answer.put("paging", paging);
        }
        return answer;
    }

    private static <T> List<T> page(List<T> all, Function<T, String> id, GraphParams params, int maxPageSize) {
        int limit = Math.min(params.text("limit").map(CursorPages::limit).orElse(DEFAULT_LIMIT), maxPageSize);
        int from = 0;
        int to = all.size();
        String after = params.text("after").orElse(null);
        String before = params.text("before").orElse(null);
        if (after != null) {
            from = indexOf(all, id, after) + 1;
        } else if (before != null) {
            to = indexOf(all, id, before);
            from = Math.max(0, to - limit);
        }
        return List.copyOf(all.subList(from, Math.min(to, from + limit)));
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > MAX_LIMIT) {
                throw GraphRefusal.invalidParameter("limit must be between 1 and " + MAX_LIMIT + ".");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw GraphRefusal.invalidParameter("limit must be a number.");
        }
    }

    private static <T> int indexOf(List<T> all, Function<T, String> id, String cursor) {
        String wanted;
        try {
            wanted = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphRefusal.invalidParameter("Invalid cursor.");
        }
        for (int i = 0; i < all.size(); i++) {
            if (id.apply(all.get(i)).equals(wanted)) {
                return i;
            }
        }
        throw GraphRefusal.invalidParameter("Invalid cursor.");
    }

    private static String cursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    /** This request's URL with the other page's cursor, as Graph's paging links are. */
    private static String pageUrl(String direction, String cursor) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("after")
                .replaceQueryParam("before")
                .replaceQueryParam(direction, cursor)
                .build()
                .toUriString();
    }
}
