package org.fangkong;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.scheduling.annotation.Scheduled;

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

    /** Several instances share one database: scheduled work is a cluster task, never once per instance. */
    @Test
    void scheduledWorkRunsOncePerCluster() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.fangkong");
        ArchRuleDefinition.noMethods().should().beAnnotatedWith(Scheduled.class)
                .because("@ClusterScheduled runs it once per cluster (docs/conventions.md)").check(classes);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortRelations(Path.of("docs/modules"));
        assertThat(new File("docs/modules/components.puml")).exists();
    }

    /** Documenter lists relations in no fixed order; sorted, the committed diagrams only change when the modules do. */
    static void sortRelations(Path dir) {
        try (var files = Files.list(dir)) {
            for (var file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                var lines = Files.readAllLines(file);
                var out = new ArrayList<String>();
                var block = new ArrayList<String>();
                for (String line : lines) {
                    if (line.startsWith("Rel(")) {
                        block.add(line);
                        continue;
                    }
                    Collections.sort(block);
                    out.addAll(block);
                    block.clear();
                    out.add(line);
                }
                Collections.sort(block);
                out.addAll(block);
                Files.write(file, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
