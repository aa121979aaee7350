package org.fangkong.enterprise;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.fangkong.common.web.FieldException;

/**
 * The sections (门类) of GB/T 4754-2017, the national classification of economic activities, with
 * the two-digit divisions (大类) each holds. An enterprise is classed by its division; its section
 * follows from it.
 */
public enum Industry {
    A("农、林、牧、渔业", 1, 5),
    B("采矿业", 6, 12),
    C("制造业", 13, 43),
    D("电力、热力、燃气及水生产和供应业", 44, 46),
    E("建筑业", 47, 50),
    F("批发和零售业", 51, 52),
    G("交通运输、仓储和邮政业", 53, 60),
    H("住宿和餐饮业", 61, 62),
    I("信息传输、软件和信息技术服务业", 63, 65),
    J("金融业", 66, 69),
    K("房地产业", 70, 70),
    L("租赁和商务服务业", 71, 72),
    M("科学研究和技术服务业", 73, 75),
    N("水利、环境和公共设施管理业", 76, 79),
    O("居民服务、修理和其他服务业", 80, 82),
    P("教育", 83, 83),
    Q("卫生和社会工作", 84, 85),
    R("文化、体育和娱乐业", 86, 90),
    S("公共管理、社会保障和社会组织", 91, 96),
    T("国际组织", 97, 97);

    private final String chinese;
    private final int first;
    private final int last;

    Industry(String chinese, int first, int last) {
        this.chinese = chinese;
        this.first = first;
        this.last = last;
    }

    public String chinese() {
        return chinese;
    }

    /** The section holding a two-digit division. */
    public static Optional<Industry> ofDivision(int division) {
        return Arrays.stream(values()).filter(s -> division >= s.first && division <= s.last).findFirst();
    }

    /** The division as typed (1–2 digits), checked against the section when one is given too: its two digits. */
    static String division(String text, String section, String field) {
        String d = text == null ? "" : text.strip();
        if (!d.matches("\\d{1,2}")) {
            throw new FieldException(field, "validation.enterprise.division");
        }
        Industry s = ofDivision(Integer.parseInt(d)).orElseThrow(() -> new FieldException(field, "validation.enterprise.division"));
        if (section != null && !section.isBlank() && !s.name().equalsIgnoreCase(section.strip())) {
            throw new FieldException(field, "validation.enterprise.divisionSection");
        }
        return d.length() == 1 ? "0" + d : d;
    }

    /** A section by its letter, or empty for blank; an unknown letter is a 400 naming {@code field}. */
    static Optional<Industry> section(String text, String field) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new FieldException(field, "validation.enterprise.section");
        }
    }
}
