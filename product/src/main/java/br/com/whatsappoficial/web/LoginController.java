package br.com.whatsappoficial.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** The login form for an attempt refused after too many failures (any method: it is a forwarded POST). */
    @RequestMapping(LoginFailureHandler.THROTTLED)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String throttled() {
        return "login";
    }
}
