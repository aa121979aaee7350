package org.fangkong.ledger.outsiders;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key areas (重点地区) of docs/rules.md, from {@code fangkong.ledger.key-areas}: division codes (a
 * code covers everything beneath it, 42 = 湖北省) and the names to recognise in a free-text origin.
 */
@Component
class KeyAreas {

    private final List<String> codes;
    private final List<String> names;

    KeyAreas(@Value("${fangkong.ledger.key-areas:42}") List<String> codes,
             @Value("${fangkong.ledger.key-area-names:湖北,武汉}") List<String> names) {
        this.codes = codes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.names = names.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    boolean includes(String originCode, String origin) {
        if (originCode != null && codes.stream().anyMatch(originCode::startsWith)) {
            return true;
        }
        return origin != null && names.stream().anyMatch(origin::contains);
    }
}
