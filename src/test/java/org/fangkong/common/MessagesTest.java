package org.fangkong.common;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese first, English complete: both bundles hold the same keys, and every key the code uses. */
class MessagesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishIsComplete() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages_zh_CN.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern template = Pattern.compile("#\\{([a-zA-Z][a-zA-Z.]+)[}(]");
        Pattern code = Pattern.compile("\"((?:validation|error|login|user|grid)\\.[a-zA-Z.]+)\"|\\{(validation\\.[a-zA-Z.]+)}");
        // the home page shows every nav item with its hint
        Pattern nav = Pattern.compile("new NavItem\\(\"(nav\\.[a-zA-Z]+)\"");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates")), Files.walk(Path.of("src/main/java")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                Matcher m = (f.toString().endsWith(".html") ? template : code).matcher(text);
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
                Matcher item = nav.matcher(text);
                while (item.find()) {
                    used.add(item.group(1));
                    used.add(item.group(1) + ".hint");
                }
            }
        }
        for (Role r : Role.values()) {
            used.add("role." + r);
            used.add("home.intro." + r);
        }
        for (String a : AuditActions.ALL) {
            used.add("audit.action." + a);
        }
        for (String level : new String[] {"PROVINCE", "CITY", "COUNTY", "TOWNSHIP", "VILLAGE", "GRID"}) {
            used.add("level." + level);
        }
        Set<String> zh = load("messages_zh_CN.properties").stringPropertyNames();
        assertThat(used).isNotEmpty();
        assertThat(zh).containsAll(used);
    }
}
