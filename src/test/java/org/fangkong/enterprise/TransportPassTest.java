package org.fangkong.enterprise;

import java.awt.image.BufferedImage;
import java.time.Clock;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.fangkong.venue.QrDecoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 重点物资运输通行证 (issue 15, item 6): issued with the driver sealed, printed with its number as a QR
 * code (decoded back); a gate checks it: valid, then expired or revoked, an unknown number too; every
 * check is in the gate's log; the gate never sees the driver.
 */
@FangkongTest
class TransportPassTest {

    static final String VILLAGE = "370102005001";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void issuedPrintedAndCheckedAtTheGate() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String guard = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String body = send(officer, "/api/v1/enterprises", """
                {"creditCode":"%s","name":"齐鲁医用物资","division":"27","jurisdiction":"%s","staffTotal":50,"medicalSupplies":true}"""
                .formatted(EnterpriseResumptionTest.newCreditCode(), VILLAGE)).andReturn().getResponse().getContentAsString();
        long enterprise = ((Number) JsonPath.read(body, "$.id")).longValue();
        String today = ShanghaiTime.today(clock).toString();

        send(officer, "/api/v1/enterprises/" + enterprise + "/passes", """
                {"plate":"A12345","driverName":"赵师傅","driverPhone":"13912340001","goods":"医用口罩","route":"济南—黄冈"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("plate"));
        send(officer, "/api/v1/enterprises/" + enterprise + "/passes", """
                {"plate":"鲁A12345","driverName":"赵师傅","driverPhone":"13912340001","goods":"医用口罩","route":"济南—黄冈",
                 "validFrom":"2020-01-01"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("validFrom"));
        String issued = send(officer, "/api/v1/enterprises/" + enterprise + "/passes", """
                {"plate":"鲁a 12345","driverName":"赵师傅","driverPhone":"13912340001","goods":"医用口罩 10 万只","route":"济南—黄冈"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.plate").value("鲁A12345"))
                .andExpect(jsonPath("$.driverName").value("赵**")).andExpect(jsonPath("$.validFrom").value(today))
                .andReturn().getResponse().getContentAsString();
        long pass = ((Number) JsonPath.read(issued, "$.id")).longValue();
        String number = JsonPath.read(issued, "$.number");
        assertThat(number).matches("TX[2-9A-Y]{8}");
        assertThat(jdbc.sql("select driver_name_sealed::text like '%赵%' from transport_pass where id = :id").param("id", pass)
                .query(Boolean.class).single()).isFalse();

        byte[] pdf = mvc.perform(get("/api/v1/passes/" + pass + "/pass.pdf").header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("重点物资运输通行证").contains(number).contains("鲁A12345")
                    .contains("医用口罩 10 万只").doesNotContain("13912340001");
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            assertThat(QrDecoder.decode(image)).isEqualTo(number);
        }

        // the gate: valid (typed in lower case), then unknown, then expired, then revoked
        String gate = send(officer, "/api/v1/checkpoints", "{\"jurisdiction\":\"" + VILLAGE + "\",\"name\":\"物流通道\",\"kind\":\"ROAD\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long checkpoint = ((Number) JsonPath.read(gate, "$.id")).longValue();
        String checks = "/api/v1/checkpoints/" + checkpoint + "/pass-checks";
        send(guard, checks, "{\"number\":\" " + number.toLowerCase() + " \"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALID")).andExpect(jsonPath("$.pass.plate").value("鲁A12345"))
                .andExpect(jsonPath("$.pass.holder").value("齐鲁医用物资"))
                .andExpect(jsonPath("$..driverName").doesNotExist());
        send(guard, checks, "{\"number\":\"TX00000000\"}").andExpect(jsonPath("$.status").value("UNKNOWN"));
        jdbc.sql("update transport_pass set valid_from = current_date - 20, valid_to = current_date - 2 where id = :id")
                .param("id", pass).update();
        send(guard, checks, "{\"number\":\"" + number + "\"}").andExpect(jsonPath("$.status").value("EXPIRED"));
        jdbc.sql("update transport_pass set valid_to = current_date + 5 where id = :id").param("id", pass).update();
        send(officer, "/api/v1/passes/" + pass + "/revoke", "{\"reason\":\" \"}").andExpect(status().isBadRequest());
        send(officer, "/api/v1/passes/" + pass + "/revoke", "{\"reason\":\"车辆更换\"}").andExpect(status().isOk());
        send(guard, checks, "{\"number\":\"" + number + "\"}").andExpect(jsonPath("$.status").value("REVOKED"));
        mvc.perform(get(checks).header("Authorization", "Bearer " + guard)).andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].result").value("REVOKED")).andExpect(jsonPath("$[3].result").value("VALID"));
        // the enterprise registry is not the guard's to read
        mvc.perform(get("/api/v1/passes/" + pass).header("Authorization", "Bearer " + guard)).andExpect(status().isForbidden());
    }
}
