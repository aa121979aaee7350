package org.fangkong.masks;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.venue.QrDecoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The citizens' booking page: no account, no script; errors beside their field; the code shown once, also as a QR. */
@FangkongTest
class ReservationPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PickupPoints points;
    @Autowired
    MaskRounds rounds;
    @Autowired
    Clock clock;

    @Test
    void aCitizenBooksOnThePageAndGetsACodeAndItsQr() throws Exception {
        PickupPoint point = points.register(new PickupPoints.PointForm(MaskReservationTest.VILLAGE, "页面药房", PickupPoint.Kind.PHARMACY,
                "历山路 1 号", "8:00-20:00"), MaskReservationTest.OFFICER);
        LocalDate today = ShanghaiTime.today(clock);
        MaskRound round = rounds.open(new MaskRounds.RoundForm("370102", "页面批次", MaskRound.Mode.FIRST_COME, 5, 10,
                clock.instant().minus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofHours(1)), today, today.plusDays(1),
                List.of(new MaskRounds.Allocation(point.id(), 50))), MaskReservationTest.OFFICER);
        String url = "/m/" + round.id();
        mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(content().string(containsString("页面药房")))
                .andExpect(content().string(containsString("还可约 10 人")))
                .andExpect(content().string(not(containsString("<script"))));
        // a bad ID number: said beside the field, what was typed kept
        mvc.perform(post(url).param("pointId", String.valueOf(point.id())).param("name", "吴十")
                        .param("idNumber", "370102198001011234").param("phone", "13912345678"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"idNumber-error\"")))
                .andExpect(content().string(containsString("value=\"13912345678\"")));
        String id = MaskReservationTest.idNumber();
        MvcResult booked = mvc.perform(post(url).param("pointId", String.valueOf(point.id())).param("name", "吴十")
                        .param("idNumber", id).param("phone", "13912345678"))
                .andExpect(redirectedUrl(url + "/booked")).andReturn();
        String page = mvc.perform(get(url + "/booked").flashAttrs(booked.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher code = Pattern.compile("id=\"code\">(\\d{6})<").matcher(page);
        assertThat(code.find()).isTrue();
        assertThat(page).contains("页面药房").contains("吴*").doesNotContain(id);
        Matcher qr = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(page);
        assertThat(qr.find()).isTrue();
        assertThat(QrDecoder.decode(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(qr.group(1))))))
                .isEqualTo(code.group(1));
        // shown once; the same ID number again is told only that it has booked
        mvc.perform(get(url + "/booked")).andExpect(content().string(containsString("id=\"shown-once\"")));
        mvc.perform(post(url).param("pointId", String.valueOf(point.id())).param("name", "吴十").param("idNumber", id)
                        .param("phone", "13912345678"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("本期已预约")));
    }

    @Test
    void aLotteryEntrantFollowsTheirOwnPageToThePickupCode(@Autowired Lottery lottery,
                                                          @Autowired JdbcClient jdbc) throws Exception {
        PickupPoint point = points.register(new PickupPoints.PointForm(MaskReservationTest.VILLAGE, "摇号页面药房", PickupPoint.Kind.PHARMACY,
                "", ""), MaskReservationTest.OFFICER);
        LocalDate today = ShanghaiTime.today(clock);
        MaskRound round = rounds.open(new MaskRounds.RoundForm("370102", "摇号页面批次", MaskRound.Mode.LOTTERY, 5, 10,
                clock.instant().minus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofHours(1)), today, today.plusDays(1),
                List.of(new MaskRounds.Allocation(point.id(), 50))), MaskReservationTest.OFFICER);
        String url = "/m/" + round.id();
        mvc.perform(get(url)).andExpect(content().string(containsString("id=\"lottery\"")))
                .andExpect(content().string(containsString("登记摇号")));
        String id = MaskReservationTest.idNumber();
        String entry = mvc.perform(post(url).param("pointId", String.valueOf(point.id())).param("name", "陈一")
                        .param("idNumber", id).param("phone", "13912340555"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(entry).startsWith(url + "/e/");
        mvc.perform(get(entry)).andExpect(content().string(containsString("摇号登记 第 1 号")))
                .andExpect(content().string(containsString("id=\"pending\"")));
        mvc.perform(get(url + "/entries")).andExpect(content().string(containsString("陈*")))
                .andExpect(content().string(not(containsString(id))))
                .andExpect(content().string(containsString(round.drawSalt())));
        jdbc.sql("update mask_round set closes_at = now() - interval '1 second' where id = :r").param("r", round.id()).update();
        assertThat(lottery.draw(round.id())).isTrue();
        String won = mvc.perform(get(entry)).andExpect(content().string(containsString("id=\"won\"")))
                .andReturn().getResponse().getContentAsString();
        Matcher code = Pattern.compile("id=\"code\">(\\d{6})<").matcher(won);
        assertThat(code.find()).isTrue();
        mvc.perform(get(url + "/e/not-a-token")).andExpect(status().isNotFound());
    }

    @Test
    void aCitizenNamesTheirVillageAndTheNearestPointsComeFirst() throws Exception {
        // 历下区: one point in 十亩园社区 (解放路街道), one in 舜井街社区 (大明湖街道)
        PickupPoint far = points.register(new PickupPoints.PointForm("370102001008", "甲远药房", PickupPoint.Kind.PHARMACY, "", ""),
                MaskReservationTest.OFFICER);
        PickupPoint nearby = points.register(new PickupPoints.PointForm("370102005002", "乙近药房", PickupPoint.Kind.PHARMACY, "", ""),
                MaskReservationTest.OFFICER);
        LocalDate today = ShanghaiTime.today(clock);
        MaskRound round = rounds.open(new MaskRounds.RoundForm("370102", "就近批次", MaskRound.Mode.FIRST_COME, 5, 10,
                clock.instant().minus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofHours(1)), today, today.plusDays(1),
                List.of(new MaskRounds.Allocation(far.id(), 50), new MaskRounds.Allocation(nearby.id(), 50))), MaskReservationTest.OFFICER);
        String url = "/m/" + round.id();
        String plain = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
        assertThat(plain.indexOf("甲远药房")).isLessThan(plain.indexOf("乙近药房")); // by code without a village
        // the citizen types their community's name and picks it: a plain link, no script
        mvc.perform(get(url).param("v", "南北历山街")).andExpect(status().isOk())
                .andExpect(content().string(containsString("near=370102005001")));
        String near = mvc.perform(get(url).param("near", "370102005001")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(near).contains("id=\"near\"").contains("南北历山街社区居民委员会").contains("本街道（乡镇）");
        assertThat(near.indexOf("乙近药房")).isLessThan(near.indexOf("甲远药房"));
        assertThat(rounds.publishedPoints(round.id(), null, "370102005002")).first()
                .satisfies(p -> assertThat(p.nearness()).isEqualTo(MaskRounds.Nearness.VILLAGE));
    }
}
