package org.fangkong.democity;

import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo's mask round is open on its public page with its four points. */
@FangkongTest
@TestPropertySource(properties = {"fangkong.test.database=demo", "fangkong.demo.enabled=true", "fangkong.demo.on-first-start=false"})
class DemoMasksTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoMasks masks;

    @Test
    void theDemoRoundIsOpenWithItsPharmacies() throws Exception {
        long round = masks.generate();
        mvc.perform(get("/m/" + round)).andExpect(status().isOk())
                .andExpect(content().string(containsString("演示：第一批口罩")))
                .andExpect(content().string(containsString("演示：泰山大药房")))
                .andExpect(content().string(containsString("还可约 100 人")))
                .andExpect(content().string(containsString("id=\"reserve\"")));
    }
}
