package org.fangkong.jurisdiction;

import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FangkongTest
class JurisdictionApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    String admin;

    @BeforeEach
    void setUp() throws Exception {
        admin = Staff.bearer(Staff.token(mvc, "admin", "admin-test-password"));
    }

    @Test
    void readsOneNode() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/370102").header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("370102"))
                .andExpect(jsonPath("$.name").value("历下区"))
                .andExpect(jsonPath("$.level").value("COUNTY"))
                .andExpect(jsonPath("$.parentCode").value("3701"))
                .andExpect(jsonPath("$.childCount").value(13));
        mvc.perform(get("/api/v1/jurisdictions/37").header("Authorization", admin))
                .andExpect(jsonPath("$.parentCode").isEmpty())
                .andExpect(jsonPath("$.childCount").value(16));
    }

    @Test
    void listsChildren() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/37/children").header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(16)))
                .andExpect(jsonPath("$[0].code").value("3701"))
                .andExpect(jsonPath("$[0].name").value("济南市"))
                .andExpect(jsonPath("$[*].level", everyItem(Matchers.is("CITY"))));
    }

    @Test
    void searchesByPartOfANamePaged() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions").param("q", "龙王庙").param("size", "5").header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(5)))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.total").value(Matchers.greaterThan(5)))
                .andExpect(jsonPath("$.items[0].fullName").value(startsWith("山东省 › ")));
        mvc.perform(get("/api/v1/jurisdictions").param("q", "历下").header("Authorization", admin))
                .andExpect(jsonPath("$.items[0].code").value("370102"));
    }

    @Test
    void searchWithoutQueryNamesTheField() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions").header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("q"))
                .andExpect(jsonPath("$.type").value("/problems/validation"));
    }

    @Test
    void officersCreateGridsUnderVillages() throws Exception {
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        String token = Staff.bearer(Staff.token(mvc, officer));
        String village = "370102001003";
        mvc.perform(post("/api/v1/jurisdictions/" + village + "/grids").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"第一网格\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/jurisdictions/" + village)))
                .andExpect(jsonPath("$.code").value(village + "001"))
                .andExpect(jsonPath("$.level").value("GRID"))
                .andExpect(jsonPath("$.parentCode").value(village));
        mvc.perform(post("/api/v1/jurisdictions/" + village + "/grids").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"第二网格\"}"))
                .andExpect(jsonPath("$.code").value(village + "002"));
        // same name twice is a conflict naming the field
        mvc.perform(post("/api/v1/jurisdictions/" + village + "/grids").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"第一网格\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("name"));
        mvc.perform(get("/api/v1/jurisdictions/" + village + "/children").header("Authorization", token))
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get("/api/v1/jurisdictions/" + village + "/summary").header("Authorization", token))
                .andExpect(jsonPath("$.subtree.grids").value(2))
                .andExpect(jsonPath("$.children[0].name").value("第一网格"));
        mvc.perform(get("/api/v1/jurisdictions/370102001/summary").header("Authorization", token))
                .andExpect(jsonPath("$.subtree.grids").value(Matchers.greaterThanOrEqualTo(2)))
                .andExpect(jsonPath("$.subtree.villages").value(Matchers.greaterThan(0)));
    }

    @Test
    void gridsOnlyUnderVillagesAndOnlyByOfficers() throws Exception {
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        String token = Staff.bearer(Staff.token(mvc, officer));
        mvc.perform(post("/api/v1/jurisdictions/370102001/grids").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"网格\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("parentCode"));
        mvc.perform(post("/api/v1/jurisdictions/370102001002/grids").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写网格名称。"));
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102001002");
        mvc.perform(post("/api/v1/jurisdictions/370102001002/grids").header("Authorization", Staff.bearer(Staff.token(mvc, worker)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"网格\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
