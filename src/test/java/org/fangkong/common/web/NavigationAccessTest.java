package org.fangkong.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The navigation tells the truth: for every entry and every role, the role the entry is shown to
 * opens the page (200) and every other role gets the 403 page that names the roles the entry lists.
 */
@FangkongTest
class NavigationAccessTest {

    static final Map<Role, String> SCOPES = Map.of(Role.ADMIN, "37", Role.COMMANDER, "3701", Role.OFFICER, "370102",
            Role.GRID_WORKER, "370102001003", Role.VENUE_STAFF, "370102001", Role.ENTERPRISE, "370102001002",
            Role.PICKUP_POINT, "370102001008");

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    List<NavItem> nav;

    @Test
    void everyEntryOpensForItsRolesAndOnlyForThem() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            MockHttpSession session = Staff.login(mvc, staff.create(role, SCOPES.get(role)));
            for (NavItem item : nav) {
                var response = mvc.perform(get(item.href()).session(session)).andReturn().getResponse();
                // a landing page may send the role on to its own place (its node, its counter): that is opening it
                for (int hop = 0; hop < 3 && response.getStatus() == 302; hop++) {
                    response = mvc.perform(get(response.getRedirectedUrl()).session(session)).andReturn().getResponse();
                }
                // a URL rule of the security filters forwards to the 403 page (MockMvc records forwards, a server follows them)
                if (response.getForwardedUrl() != null) {
                    response = mvc.perform(get(response.getForwardedUrl()).session(session)
                            .requestAttr(RequestDispatcher.FORWARD_REQUEST_URI, item.href())).andReturn().getResponse();
                }
                int expected = item.visibleTo(role) ? 200 : 403;
                if (response.getStatus() != expected) {
                    wrong.add(role + " " + item.href() + ": " + response.getStatus() + " (expected " + expected + ")");
                } else if (expected == 403 && !response.getContentAsString().contains("可以打开它的角色")) {
                    wrong.add(role + " " + item.href() + ": 403 without the roles that may");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
