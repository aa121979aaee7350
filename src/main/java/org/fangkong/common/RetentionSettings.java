package org.fangkong.common;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data is kept (docs/privacy.md has the whole table). Each module deletes its
 * own rows nightly; people and their recorded identities go once no row holds them any more.
 *
 * @param passages          checkpoint passages (and their fever alerts), from the passage (two incubation periods)
 * @param readingsAfterRelease temperature readings, from the day their observation order closed
 * @param closedOrders      observation orders themselves, from the day they closed (unless a case refers to one)
 * @param movedOut          residents from the day they moved out, outsiders from the day they left
 * @param matchLists        uploaded lists with their matched rows and follow-up tasks, from the upload
 * @param reservations      mask reservations, from the last pickup day of their round (at least the longest
 *                          period an ID number waits after a pickup: they are what it is checked against)
 * @param unconfirmedArrivals self-registered arrivals no grid worker confirmed, from their arrival date
 * @param medicineBuyers    the pharmacies' fever-medicine buyers and their follow-up tasks, from the sale
 * @param decidedFilings    enterprises' resumption filings (their responsible person's contact), from the decision
 * @param expiredPasses     key-supply transport passes (their driver), from the last day they were valid
 * @param deliveredDispatches dispatch orders' driver (name and phone cleared, the order stays), from delivery
 * @param returnedTeams     medical team members' names and phones (cleared; masked name and hospital stay), from the team's return
 * @param proxyOrders       households' proxy-purchase orders (what a household bought, paid, owed), from the batch's delivery
 */
@ConfigurationProperties("fangkong.retention")
public record RetentionSettings(
        @DefaultValue("28d") Duration passages,
        @DefaultValue("28d") Duration readingsAfterRelease,
        @DefaultValue("365d") Duration closedOrders,
        @DefaultValue("365d") Duration movedOut,
        @DefaultValue("28d") Duration matchLists,
        @DefaultValue("90d") Duration reservations,
        @DefaultValue("28d") Duration unconfirmedArrivals,
        @DefaultValue("28d") Duration medicineBuyers,
        @DefaultValue("365d") Duration decidedFilings,
        @DefaultValue("28d") Duration expiredPasses,
        @DefaultValue("90d") Duration deliveredDispatches,
        @DefaultValue("365d") Duration returnedTeams,
        @DefaultValue("365d") Duration proxyOrders) {
}
