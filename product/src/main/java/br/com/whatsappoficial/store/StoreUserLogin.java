package br.com.whatsappoficial.store;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Spring Security's view of store users: loads them by e-mail and remembers each successful login. */
@Component
class StoreUserLogin implements UserDetailsService {

    private final StoreDirectory directory;

    StoreUserLogin(StoreDirectory directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return directory.findLogin(email).orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StoreUserPrincipal user) {
            directory.recordLogin(user.userId());
        }
    }
}
