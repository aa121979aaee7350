package org.fangkong.tracing;

import java.time.LocalDate;
import java.util.List;

/**
 * An officer sent the close contacts of a tracing result to home observation. Each contact comes
 * with their phone, sealed as the check-in stored it (the event is kept in {@code event_publication}
 * until observation has handled it, and nothing there may be readable), the day of the last close exposure (the
 * observation's anchor) and the venue where it happened, whose place stands in when the ledgers do
 * not know where the person lives.
 */
public record ContactsIdentified(String indexPhoneMasked, List<Contact> contacts, String by) {

    public record Contact(byte[] phoneSealed, LocalDate lastExposure, String venueName, String venueJurisdiction) {

        @Override
        public String toString() {
            return "Contact[" + lastExposure + " " + venueName + "]"; // the sealed phone stays out of log lines
        }
    }
}
