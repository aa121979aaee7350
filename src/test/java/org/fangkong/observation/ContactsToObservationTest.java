package org.fangkong.observation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.checkin.CheckinFixtures;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.residents.ResidentForm;
import org.fangkong.ledger.residents.ResidentLedger;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.VenueType;
import org.fangkong.venue.Venues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One click from a tracing result to home observation: close contacts (≥ 15 min together) get an
 * order anchored on the day of the last close exposure, where the ledgers say they live or else at
 * the venue's village; same-time contacts do not; a second click opens nothing twice.
 */
@FangkongTest
class ContactsToObservationTest {

    static final String VENUE_VILLAGE = "370102004003";
    static final String HOME_VILLAGE = "370102004006";
    static final Actor ADMIN = new Actor(0, "contacts-test", "测试", Role.ADMIN, "37", "37");

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    Venues venues;
    @Autowired
    CheckinFixtures checkins;
    @Autowired
    ResidentLedger residents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void closeContactsGoUnderObservationOnce() throws Exception {
        String index = "13600000101";
        String resident = "13600000102";
        String stranger = "13600000103";
        String passerBy = "13600000104";
        String residentId = "370102" + "19770707" + "411";
        residentId += IdCardNumber.checkCharacter(residentId);
        var household = residents.createHousehold(HOME_VILLAGE, "", "密接 4 号", ADMIN);
        residents.addResident(household.id(), new ResidentForm("聂清", residentId, resident, "HEAD", "REGISTERED", "HEALTHY",
                false, null), ADMIN);
        var venue = venues.byCode(venues.create(new VenueForm("流调菜市场", VenueType.MARKET, VENUE_VILLAGE, "", 60), ADMIN).code())
                .orElseThrow();
        LocalDate day = ShanghaiTime.today(Clock.systemUTC()).minusDays(2);
        Instant ten = day.atTime(10, 0).atZone(ShanghaiTime.ZONE).toInstant();
        checkins.record(venue, index, ten);
        checkins.record(venue, resident, ten.plusSeconds(10 * 60));
        checkins.record(venue, stranger, ten.plusSeconds(30 * 60));
        checkins.record(venue, passerBy, ten.plusSeconds(55 * 60));

        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String query = "{\"phone\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}".formatted(index,
                day.atStartOfDay(ShanghaiTime.ZONE).toInstant(), day.plusDays(1).atStartOfDay(ShanghaiTime.ZONE).toInstant());
        mvc.perform(post("/api/v1/tracing/exposures/observe").header("Authorization", "Bearer " + officer)
                        .contentType(MediaType.APPLICATION_JSON).content(query))
                .andExpect(status().isOk()).andExpect(jsonPath("$.contacts").value(2));

        record Order(String place, String reason, LocalDate anchor, String name, String address) {
        }
        List<Order> orders = jdbc.sql("""
                        select o.jurisdiction_code, o.reason, o.anchor_date, p.name_masked, o.address from observation_order o
                        join person p on p.id = o.person_id where o.source = 'tracing' and o.reason_detail like '%流调菜市场%'
                        order by o.jurisdiction_code
                        """)
                .query((rs, n) -> new Order(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getString(5))).list();
        assertThat(orders).containsExactly(
                new Order(VENUE_VILLAGE, "CLOSE_CONTACT", day, "姓****", ""),
                new Order(HOME_VILLAGE, "CLOSE_CONTACT", day, "聂*", "密接 4 号"));

        // a second click: nobody gets a second order; a commander may trace but not send
        mvc.perform(post("/api/v1/tracing/exposures/observe").header("Authorization", "Bearer " + officer)
                .contentType(MediaType.APPLICATION_JSON).content(query)).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from observation_order where source = 'tracing' and reason_detail like '%流调菜市场%'")
                .query(Long.class).single()).isEqualTo(2);
        String commander = Staff.token(mvc, staff.create(Role.COMMANDER, "370102"));
        mvc.perform(post("/api/v1/tracing/exposures/observe").header("Authorization", "Bearer " + commander)
                .contentType(MediaType.APPLICATION_JSON).content(query)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'CONTACTS_TO_OBSERVATION'").query(Long.class).single())
                .isEqualTo(2);
    }
}
