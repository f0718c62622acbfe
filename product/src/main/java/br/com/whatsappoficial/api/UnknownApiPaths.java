package br.com.whatsappoficial.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Any path under {@code /api/v1} that no resource has, whatever the method: a 404 problem, as Stripe
 * answers an unrecognised request URL. Without it the request would fall through to static resources and
 * the merchant pages' error handling, outside the API's error shape.
 */
@CampaignApi
@Hidden
class UnknownApiPaths {

    @RequestMapping("/**")
    void unknown(HttpServletRequest request) {
        throw new ApiPathNotFound(request.getMethod(), request.getRequestURI());
    }
}
