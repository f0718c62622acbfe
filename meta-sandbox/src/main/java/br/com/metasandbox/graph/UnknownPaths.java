package br.com.metasandbox.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whatever the sandbox does not serve answers like Graph: "Unknown path components: /…" (code 2500). */
@RestController
@GraphApi
class UnknownPaths {

    private static final Pattern PREFIX = Pattern.compile("^/sandbox/graph(/v\\d+\\.\\d+)?");

    @RequestMapping("/sandbox/graph/**")
    void unknown(HttpServletRequest request) {
        String path = PREFIX.matcher(request.getRequestURI()).replaceFirst("");
        throw GraphRefusal.unknownPath(path.isEmpty() ? "/" : path);
    }
}
