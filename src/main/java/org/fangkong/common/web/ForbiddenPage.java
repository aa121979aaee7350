package org.fangkong.common.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the security filters forward a page request they refuse by URL rule ({@code /audit/**}), so
 * it gets the same 403 page as a refusal inside the application, naming the roles that may.
 */
@Controller
class ForbiddenPage {

    static final String PATH = "/forbidden";

    @RequestMapping(PATH)
    void forbidden() {
        throw new AccessDeniedException("refused by a URL rule");
    }
}
