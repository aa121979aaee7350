package org.fangkong.tracing;

import java.time.LocalDate;
import java.util.List;

/**
 * An officer sent the close contacts of a tracing result to home observation. Each contact comes
 * with their phone (in memory only: never logged), the day of the last close exposure (the
 * observation's anchor) and the venue where it happened, whose place stands in when the ledgers do
 * not know where the person lives.
 */
public record ContactsIdentified(String indexPhoneMasked, List<Contact> contacts, String by) {

    public record Contact(String phone, LocalDate lastExposure, String venueName, String venueJurisdiction) {

        @Override
        public String toString() {
            return "Contact[" + lastExposure + " " + venueName + "]"; // no phone in any log line
        }
    }
}
