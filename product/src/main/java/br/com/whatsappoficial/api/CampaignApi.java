package br.com.whatsappoficial.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of the campaign engine's API: its paths start at {@code /api/v1}, only a store's API key
 * reaches it, and whatever it throws is answered as problem+json ({@link ApiProblem} for the codes the
 * engine branches on).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@RestController
@RequestMapping(CampaignApi.BASE_PATH)
public @interface CampaignApi {

    String BASE_PATH = "/api/v1";
}
