package org.fangkong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Fangkong (防控): grassroots epidemic prevention and control platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FangkongApplication {

    public static void main(String[] args) {
        SpringApplication.run(FangkongApplication.class, args);
    }
}
