package org.fangkong.ledger;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 一图 over the API: upload checks the image, pins stay inside the plan and the place, scope holds. */
@FangkongTest
class MapApiTest {

    static final String VILLAGE = "370102002010";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    static byte[] png(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void plansTakeImagesOnlyAndPinsStayOnThePlanAndInThePlace() throws Exception {
        String token = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        mvc.perform(multipart("/api/v1/maps").file(new MockMultipartFile("image", "plan.txt", "text/plain", "not an image".getBytes()))
                        .param("jurisdiction", VILLAGE).header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("image"));
        String map = mvc.perform(multipart("/api/v1/maps").file(new MockMultipartFile("image", "plan.png", "image/png", png(400, 300)))
                        .param("jurisdiction", VILLAGE).header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.width").value(400)).andExpect(jsonPath("$.height").value(300))
                .andReturn().getResponse().getContentAsString();
        long mapId = ((Number) JsonPath.read(map, "$.id")).longValue();
        mvc.perform(get("/api/v1/maps/" + mapId + "/image").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));

        String household = mvc.perform(post("/api/v1/households").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"jurisdiction\":\"%s\",\"address\":\"济柴 4 号\"}".formatted(VILLAGE)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long householdId = ((Number) JsonPath.read(household, "$.id")).longValue();
        mvc.perform(put("/api/v1/maps/" + mapId + "/pins/" + householdId).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"x\":1.5,\"y\":0.5}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("x"));
        mvc.perform(put("/api/v1/maps/" + mapId + "/pins/" + householdId).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"x\":0.25,\"y\":0.75}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/maps/" + mapId + "/households").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$[?(@.id == %d)].status".formatted(householdId)).value("GREEN"))
                .andExpect(jsonPath("$[?(@.id == %d)].x".formatted(householdId)).value(0.25))
                .andExpect(jsonPath("$[?(@.id == %d)].y".formatted(householdId)).value(0.75));

        // a household of another village cannot be pinned here; another village's worker sees no plan
        String otherToken = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102002009"));
        String otherHousehold = mvc.perform(post("/api/v1/households").header("Authorization", "Bearer " + otherToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"jurisdiction\":\"370102002009\",\"address\":\"1 号\"}"))
                .andReturn().getResponse().getContentAsString();
        String admin = Staff.token(mvc, staff.create(Role.ADMIN, "37"));
        mvc.perform(put("/api/v1/maps/" + mapId + "/pins/" + JsonPath.read(otherHousehold, "$.id"))
                        .header("Authorization", "Bearer " + admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"x\":0.5,\"y\":0.5}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("household"));
        mvc.perform(get("/api/v1/maps/" + mapId).header("Authorization", "Bearer " + otherToken)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/maps/" + mapId + "/image").header("Authorization", "Bearer " + otherToken)).andExpect(status().isNotFound());
    }
}
