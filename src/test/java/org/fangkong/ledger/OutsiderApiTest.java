package org.fangkong.ledger;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The outsider ledger: key areas recognised by code or name, the event observation listens to. */
@FangkongTest
@RecordApplicationEvents
class OutsiderApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    ApplicationEvents events;

    ResultActions register(String token, String json) throws Exception {
        return mvc.perform(post("/api/v1/outsiders").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void theOutsiderPageRegistersAndListsKeyAreaArrivals() throws Exception {
        var session = Staff.login(mvc, staff.create(Role.GRID_WORKER, LedgerApiTest.VILLAGE));
        mvc.perform(post("/outsiders").session(session).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("jurisdiction", LedgerApiTest.VILLAGE).param("name", "黄河").param("phone", LedgerApiTest.phone())
                        .param("origin", "湖北省孝感市").param("arrivedOn", "2020-01-24").param("address", "9号院"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/outsiders").param("keyArea", "true").session(session))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("黄*")));
        // a missing arrival date comes back as a readable error, nothing registered
        mvc.perform(post("/outsiders").session(session).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("jurisdiction", LedgerApiTest.VILLAGE).param("name", "黄山").param("phone", LedgerApiTest.phone())
                        .param("origin", "武汉").param("address", "9号院"))
                .andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.flash()
                        .attribute("errorKey", "validation.outsider.arrivedOn"));
    }

    @Test
    void anArrivalFromAKeyAreaIsFlaggedAndAnnounced() throws Exception {
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, LedgerApiTest.VILLAGE));
        String id = LedgerApiTest.idNumber(LocalDate.of(1978, 3, 3), true);
        String body = register(worker, "{\"jurisdiction\":\"" + LedgerApiTest.VILLAGE + "\",\"name\":\"陈刚\",\"idNumber\":\"" + id
                + "\",\"origin\":\"湖北省武汉市江岸区\",\"originCode\":\"420102\",\"arrivedOn\":\"2020-01-23\","
                + "\"leftKeyAreaOn\":\"2020-01-22\",\"address\":\"3号院\",\"purpose\":\"探亲\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fromKeyArea").value(true))
                .andExpect(jsonPath("$.name").value("陈*"))
                .andReturn().getResponse().getContentAsString();
        long outsiderId = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(events.stream(OutsiderRegistered.class)).anySatisfy(e -> {
            assertThat(e.outsiderId()).isEqualTo(outsiderId);
            assertThat(e.fromKeyArea()).isTrue();
            assertThat(e.leftKeyAreaOn()).isEqualTo(LocalDate.of(2020, 1, 22));
        });
        // recognised by name when no code is given; an ordinary origin is not a key area
        register(worker, "{\"jurisdiction\":\"" + LedgerApiTest.VILLAGE + "\",\"name\":\"周敏\",\"phone\":\"" + LedgerApiTest.phone()
                + "\",\"origin\":\"武汉\",\"arrivedOn\":\"2020-01-25\",\"address\":\"5号院\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.fromKeyArea").value(true));
        register(worker, "{\"jurisdiction\":\"" + LedgerApiTest.VILLAGE + "\",\"name\":\"吴凡\",\"phone\":\"" + LedgerApiTest.phone()
                + "\",\"origin\":\"江苏省南京市\",\"originCode\":\"3201\",\"arrivedOn\":\"2020-01-25\",\"address\":\"6号院\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.fromKeyArea").value(false));

        // bad rows name their field; nothing is announced for them
        long announced = events.stream(OutsiderRegistered.class).count();
        register(worker, "{\"jurisdiction\":\"" + LedgerApiTest.VILLAGE + "\",\"name\":\"吴凡\",\"phone\":\"" + LedgerApiTest.phone()
                + "\",\"origin\":\"武汉\",\"arrivedOn\":\"2020-01-20\",\"leftKeyAreaOn\":\"2020-01-21\",\"address\":\"6号院\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("leftKeyAreaOn"));
        register(worker, "{\"jurisdiction\":\"" + LedgerApiTest.VILLAGE + "\",\"name\":\"吴凡\",\"phone\":\"" + LedgerApiTest.phone()
                + "\",\"origin\":\"武汉\",\"originCode\":\"wuhan\",\"arrivedOn\":\"2020-01-20\",\"address\":\"6号院\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("originCode"));
        assertThat(events.stream(OutsiderRegistered.class).count()).isEqualTo(announced);

        mvc.perform(get("/api/v1/outsiders").param("keyArea", "true").header("Authorization", "Bearer " + worker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + outsiderId + ")]").isNotEmpty())
                .andExpect(jsonPath("$[?(@.name == '周*')]").isNotEmpty())
                .andExpect(jsonPath("$[?(@.name == '吴*')]").isEmpty());
        byte[] xlsx = mvc.perform(get("/api/v1/outsiders.xlsx").param("keyArea", "true").header("Authorization", "Bearer " + worker))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             var rows = wb.getFirstSheet().openStream()) {
            var all = rows.toList();
            assertThat(all.get(0).getCellText(4)).isEqualTo("从何地来");
            assertThat(all).anySatisfy(r -> {
                assertThat(r.getCellText(1)).isEqualTo("陈*");
                assertThat(r.getCellText(4)).isEqualTo("湖北省武汉市江岸区");
                assertThat(r.getCellText(6)).isEqualTo("是");
            });
            assertThat(all).noneSatisfy(r -> assertThat(r.getCellText(1)).isEqualTo("吴*"));
        }
        String other = Staff.token(mvc, staff.create(Role.GRID_WORKER, LedgerApiTest.OTHER_VILLAGE));
        mvc.perform(get("/api/v1/outsiders/" + outsiderId).header("Authorization", "Bearer " + other))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/outsiders/" + outsiderId + "/left").header("Authorization", "Bearer " + worker)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"2020-02-20\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.leftOn").value("2020-02-20"));
    }
}
