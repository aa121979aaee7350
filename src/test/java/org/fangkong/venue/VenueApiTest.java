package org.fangkong.venue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FangkongTest
class VenueApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    static String json(MvcResult r, String field) throws Exception {
        String body = r.getResponse().getContentAsString();
        return JsonPath.read(body, "$." + field).toString();
    }

    String createVenue(String token, String name) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/venues").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","type":"PHARMACY","jurisdiction":"370102001002","address":"解放路 1 号"}""".formatted(name)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(matchesPattern("[A-Za-z0-9_-]{22}")))
                .andExpect(jsonPath("$.defaultStayMinutes").value(30))
                .andExpect(jsonPath("$.open").value(true))
                .andExpect(jsonPath("$.demo").value(false))
                .andReturn();
        assertThat(json(r, "checkinUrl")).isEqualTo("http://localhost:8080/c/" + json(r, "code"));
        return json(r, "id");
    }

    @Test
    void venueStaffCreateEditAndCloseVenues() throws Exception {
        Staff.Account venueStaff = staff.create(Role.VENUE_STAFF, "370102001");
        String token = Staff.bearer(Staff.token(mvc, venueStaff));
        String id = createVenue(token, "解放路大药房");
        mvc.perform(put("/api/v1/venues/" + id).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"解放路大药房（总店）","type":"PHARMACY","jurisdiction":"370102001002","address":"解放路 1 号","defaultStayMinutes":20}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("解放路大药房（总店）"))
                .andExpect(jsonPath("$.defaultStayMinutes").value(20));
        mvc.perform(post("/api/v1/venues/" + id + "/close").header("Authorization", token))
                .andExpect(jsonPath("$.open").value(false));
        mvc.perform(get("/api/v1/venues").param("q", "解放路大药房").header("Authorization", token))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void codesAreUnguessableAndUnique() throws Exception {
        String token = Staff.bearer(Staff.token(mvc, staff.create(Role.OFFICER, "370102")));
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String id = createVenue(token, "超市" + i);
            MvcResult r = mvc.perform(get("/api/v1/venues/" + id).header("Authorization", token)).andReturn();
            codes.add(json(r, "code"));
        }
        assertThat(codes).hasSize(5);
        // 22 base64url characters = 132 bits of which 128 are random
        assertThat(codes).allSatisfy(c -> assertThat(Base64.getUrlDecoder().decode(c)).hasSize(16));
    }

    @Test
    void badInputNamesTheFieldAndRolesAreChecked() throws Exception {
        String token = Staff.bearer(Staff.token(mvc, staff.create(Role.OFFICER, "370102")));
        mvc.perform(post("/api/v1/venues").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"type\":\"SUPERMARKET\",\"jurisdiction\":\"370102\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
        mvc.perform(post("/api/v1/venues").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"外地超市\",\"type\":\"SUPERMARKET\",\"jurisdiction\":\"370202\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("jurisdiction"));
        mvc.perform(post("/api/v1/venues").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"超市\",\"type\":\"SUPERMARKET\",\"jurisdiction\":\"370102\",\"defaultStayMinutes\":0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("defaultStayMinutes"));
        String worker = Staff.bearer(Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102001002")));
        mvc.perform(post("/api/v1/venues").header("Authorization", worker).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"超市\",\"type\":\"SUPERMARKET\",\"jurisdiction\":\"370102001002\"}"))
                .andExpect(status().isForbidden());
        String id = createVenue(token, "范围内超市");
        String far = Staff.bearer(Staff.token(mvc, staff.create(Role.OFFICER, "370202")));
        mvc.perform(get("/api/v1/venues/" + id).header("Authorization", far)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/venues/" + id + "/qr.png").header("Authorization", far)).andExpect(status().isNotFound());
    }

    @Test
    void qrImageAndPosterDecodeBackToTheCheckinUrl() throws Exception {
        String token = Staff.bearer(Staff.token(mvc, staff.create(Role.OFFICER, "370102")));
        String id = createVenue(token, "泉城路银座超市");
        String url = json(mvc.perform(get("/api/v1/venues/" + id).header("Authorization", token)).andReturn(), "checkinUrl");

        byte[] png = mvc.perform(get("/api/v1/venues/" + id + "/qr.png").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(QrDecoder.decode(ImageIO.read(new ByteArrayInputStream(png)))).isEqualTo(url);

        byte[] pdf = mvc.perform(get("/api/v1/venues/" + id + "/poster.pdf").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("泉城路银座超市").contains("扫码登记").contains("输入手机号");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            assertThat(QrDecoder.decode(page)).isEqualTo(url);
        }
    }
}
