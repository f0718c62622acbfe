package br.com.whatsappoficial.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The product's own routes as the handler mapping knows them, so that the sweeps over them (roles, reads and
 * writes across stores) cover a route the day it is added, without anyone listing it.
 */
final class MerchantRoutes {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final Set<RequestMethod> READING =
            Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS);
    /**
     * Paths no store acts on: Meta's webhooks and support's quarantine (support's own credentials), an
     * invitation's link (used before any login) and a throttled login's page.
     */
    private static final List<String> NOT_A_STORES =
            List.of("/webhooks/", "/convite/", "/login/", "/suporte", "/support");

    /**
     * One route of a handler.
     *
     * @param idParameters request parameters named for an id ({@code phoneNumberId}, {@code id})
     * @param headers the headers its mapping requires (the htmx variant of a form's POST)
     */
    record Route(HttpMethod method, String path, List<String> idParameters, Map<String, String> headers) {

        /** As the sweeps name it: method, path and the headers that select it. */
        String key() {
            return method.name() + " " + path + (headers.isEmpty() ? "" : " " + headers);
        }

        boolean api() {
            return path.startsWith("/api/");
        }

        boolean hasPathVariable() {
            return VARIABLE.matcher(path).find();
        }

        /** Takes an id in its path or in a parameter named for one. */
        boolean takesAnId() {
            return hasPathVariable() || !idParameters.isEmpty();
        }

        /** The path with each variable replaced by what {@code value} gives for its name. */
        String path(Function<String, String> value) {
            Matcher variable = VARIABLE.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(filled, Matcher.quoteReplacement(value.apply(variable.group(1))));
            }
            return variable.appendTail(filled).toString();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private MerchantRoutes() {}

    /** Every route of a store's own (merchant pages and campaign API) that only reads. */
    static List<Route> reading(RequestMappingHandlerMapping mappings) {
        return ofStores(mappings).stream()
                .filter(route -> route.method() == HttpMethod.GET)
                .toList();
    }

    /** Every route of a store's own (merchant pages and campaign API) that may change something. */
    static List<Route> changing(RequestMappingHandlerMapping mappings) {
        return ofStores(mappings).stream()
                .filter(route -> route.method() != HttpMethod.GET)
                .toList();
    }

    /** A route mapped without a method answers them all: it is listed once as a GET and once as a POST. */
    private static List<Route> ofStores(RequestMappingHandlerMapping mappings) {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("br.com.whatsappoficial")) {
                return;
            }
            List<String> idParameters = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                String name = requestParameter(parameter);
                if (name != null && name.toLowerCase(Locale.ROOT).endsWith("id")) {
                    idParameters.add(name);
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            info.getHeadersCondition().getExpressions().forEach(header -> {
                if (!header.isNegated() && header.getValue() != null) {
                    headers.put(header.getName(), header.getValue());
                }
            });
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<HttpMethod> as = methods.isEmpty()
                    ? List.of(HttpMethod.GET, HttpMethod.POST)
                    : methods.stream()
                            .filter(method -> !READING.contains(method) || method == RequestMethod.GET)
                            .map(RequestMethod::asHttpMethod)
                            .toList();
            for (String path : info.getPatternValues()) {
                if (NOT_A_STORES.stream().anyMatch(path::startsWith)) {
                    continue;
                }
                for (HttpMethod method : as) {
                    routes.add(new Route(method, path, List.copyOf(idParameters), Map.copyOf(headers)));
                }
            }
        });
        return routes;
    }

    private static @Nullable String requestParameter(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
            return null;
        }
        return !param.name().isEmpty()
                ? param.name()
                : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
    }
}
