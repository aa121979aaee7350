package org.fangkong.cases.web;

import java.time.LocalDate;

/** What the case pages and the API take besides a new case ({@code CaseRegistry.CaseForm}). */
final class CaseForms {

    private CaseForms() {
    }

    /** A case's next status, on a day, with a note. */
    record Change(String status, LocalDate on, String note) {
    }

    record NewHospital(String name, String jurisdiction, Integer beds, Integer icuBeds) {
    }

    /** A cluster from the page: the case ids as typed, separated by commas or spaces. */
    record NewCluster(String setting, String name, String jurisdiction, String caseIds) {
    }
}
