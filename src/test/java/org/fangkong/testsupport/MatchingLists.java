package org.fangkong.testsupport;

import com.jayway.jsonpath.JsonPath;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Uploading a list for cross-matching (对比摸排) and waiting for its job, as the page does. */
public final class MatchingLists {

    private MatchingLists() {
    }

    /** Uploads {@code file} as {@code token}, waits (up to 20 s) for the job to finish and answers the list's id. */
    public static String upload(MockMvc mvc, String token, byte[] file, String fileName, String name) throws Exception {
        String body = mvc.perform(multipart("/api/v1/matching-lists").file(new MockMultipartFile("file", fileName,
                                "application/octet-stream", file)).param("name", name)
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String job = JsonPath.read(body, "$.job");
        long until = System.currentTimeMillis() + 20_000;
        String state;
        do {
            Thread.sleep(50);
            state = JsonPath.read(mvc.perform(get("/api/v1/jobs/" + job).header("Authorization", "Bearer " + token))
                    .andReturn().getResponse().getContentAsString(), "$.state");
        } while ("RUNNING".equals(state) && System.currentTimeMillis() < until);
        assertThat(state).isEqualTo("DONE");
        return String.valueOf(((Number) JsonPath.read(body, "$.listId")).longValue());
    }
}
