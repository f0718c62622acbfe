package br.com.whatsappoficial.store;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds {@link CurrentStore} to the store of whoever authenticated the request, a logged-in user or the
 * campaign engine's API key, for the rest of the request. The store never comes from a request
 * parameter, so neither can ask for another store's data.
 */
public class CurrentStoreFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        @Nullable StoreId store = auth == null ? null : storeOf(auth.getPrincipal());
        if (store != null) {
            try {
                CurrentStore.callAs(store, () -> {
                    chain.doFilter(request, response);
                    return null;
                });
            } catch (IOException | ServletException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ServletException(e);
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    private static @Nullable StoreId storeOf(@Nullable Object principal) {
        if (principal instanceof StoreUserPrincipal user) {
            return user.storeId();
        }
        if (principal instanceof AuthenticatedApiKey key) {
            return key.storeId();
        }
        return null;
    }
}
