package br.com.whatsappoficial.web;

/**
 * The Content-Security-Policy of every page the product serves (its own, the sandbox's and support's),
 * in one place so that no page drifts from the others.
 */
public final class ContentSecurityPolicy {

    /** Pages need only our own scripts and styles; nothing may frame us (clickjacking on the wizard). */
    public static final String PAGES = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * Live mode adds what Facebook's JS SDK needs for Embedded Signup: its script, its dialog frames and
     * its API calls; nothing else.
     */
    public static final String LIVE_PAGES = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' https://connect.facebook.net",
            "style-src 'self'",
            "img-src 'self' data: https://*.facebook.com https://*.fbcdn.net",
            "connect-src 'self' https://*.facebook.com https://connect.facebook.net",
            "frame-src https://*.facebook.com",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private ContentSecurityPolicy() {}
}
