package org.fangkong.common.events;

import java.util.UUID;

import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admins see module events not yet handled, on their page, their home page and the API; nobody else does. */
@FangkongTest
class EventPublicationsPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anIncompletePublicationIsShownToAdminsWithoutItsContent() throws Exception {
        Staff.Account admin = staff.create(Role.ADMIN, "37");
        MockHttpSession session = Staff.login(mvc, admin.username(), Staff.PASSWORD);
        mvc.perform(get("/events").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("所有模块事件都已处理完")));

        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)
                        values (:id, 'org.fangkong.observation.ObservationOrders.on(org.fangkong.ledger.OutsiderRegistered)',
                                'org.fangkong.ledger.OutsiderRegistered', '{"outsiderId":1,"origin":"湖北省武汉市"}', now())
                        """).param("id", id).update();
        try {
            mvc.perform(get("/events").session(session)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("OutsiderRegistered")))
                    .andExpect(content().string(containsString("ObservationOrders")))
                    .andExpect(content().string(not(containsString("湖北省武汉市"))));
            mvc.perform(get("/").session(session))
                    .andExpect(content().string(containsString("个模块事件尚未处理完")));
            String token = Staff.token(mvc, admin);
            mvc.perform(get("/api/v1/event-publications").header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.id == '" + id + "')].eventType").value("org.fangkong.ledger.OutsiderRegistered"))
                    .andExpect(content().string(not(containsString("湖北省武汉市"))));

            Staff.Account officer = staff.create(Role.OFFICER, "370102");
            mvc.perform(get("/api/v1/event-publications").header("Authorization", "Bearer " + Staff.token(mvc, officer)))
                    .andExpect(status().isForbidden());
            MockHttpSession officerSession = Staff.login(mvc, officer.username(), Staff.PASSWORD);
            mvc.perform(get("/events").session(officerSession)).andExpect(status().isForbidden());
            mvc.perform(get("/").session(officerSession))
                    .andExpect(content().string(not(containsString("个模块事件尚未处理完"))));
        } finally {
            jdbc.sql("delete from event_publication where id = :id").param("id", id).update();
        }
    }
}
