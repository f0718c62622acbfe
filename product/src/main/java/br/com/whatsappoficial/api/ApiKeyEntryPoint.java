package br.com.whatsappoficial.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as a problem, never a login page: a missing key and a refused one (unknown, revoked, of the other
 * mode) get different details, but a refused key never says which of these it was.
 */
class ApiKeyEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponses problems;

    ApiKeyEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ProblemDetail problem = problems.problem(request, ProblemCode.UNAUTHORIZED);
        if (failure instanceof BadCredentialsException) {
            problem.setDetail(problems.message(request, "api.problem.unauthorized.refused"));
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"whatsapp-oficial\"");
        problems.write(response, problem);
    }
}
