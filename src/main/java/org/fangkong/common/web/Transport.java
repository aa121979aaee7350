package org.fangkong.common.web;

import java.net.URI;

import jakarta.servlet.ServletContext;
import org.fangkong.common.FangkongProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the platform is reached over https, from the public URL (behind a proxy the request
 * itself may say http): then every cookie is Secure and HSTS is sent. A plain-http public URL that
 * is not this machine is warned about at start: passwords and personal data would cross the wire
 * in the clear.
 */
@Component
public class Transport implements ServletContextInitializer {

    private static final Logger log = LoggerFactory.getLogger(Transport.class);

    private final URI publicUrl;

    Transport(FangkongProperties properties) {
        this.publicUrl = URI.create(properties.publicUrl().strip());
    }

    /** Whether citizens and staff reach the platform over https. */
    public boolean secure() {
        return "https".equalsIgnoreCase(publicUrl.getScheme());
    }

    @Override
    public void onStartup(ServletContext context) {
        context.getSessionCookieConfig().setSecure(secure());
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenPlain() {
        String host = publicUrl.getHost() == null ? "" : publicUrl.getHost();
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]");
        if (!secure() && !local) {
            log.warn("fangkong.public-url is plain http ({}): sign-ins, tokens and personal data cross the network unencrypted. "
                    + "Serve it over https (behind a proxy that sets X-Forwarded-Proto) and set FANGKONG_PUBLIC_URL to the https address.",
                    publicUrl);
        }
    }
}
