package org.fangkong;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The house rules: modules only use each other's public API, with no cycles; writes docs/modules. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(FangkongApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("common", "jurisdiction", "account");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortRelations(java.nio.file.Path.of("docs/modules"));
        assertThat(new java.io.File("docs/modules/components.puml")).exists();
    }

    /** Documenter lists relations in no fixed order; sorted, the committed diagrams only change when the modules do. */
    static void sortRelations(java.nio.file.Path dir) {
        try (var files = java.nio.file.Files.list(dir)) {
            for (var file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                var lines = java.nio.file.Files.readAllLines(file);
                var out = new java.util.ArrayList<String>();
                var block = new java.util.ArrayList<String>();
                for (String line : lines) {
                    if (line.startsWith("Rel(")) {
                        block.add(line);
                        continue;
                    }
                    java.util.Collections.sort(block);
                    out.addAll(block);
                    block.clear();
                    out.add(line);
                }
                java.util.Collections.sort(block);
                out.addAll(block);
                java.nio.file.Files.write(file, out);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
