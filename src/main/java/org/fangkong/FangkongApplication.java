package org.fangkong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Fangkong (防控): grassroots epidemic prevention and control platform. */
// no in-memory user with a generated password: staff accounts live in the database
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class FangkongApplication {

    public static void main(String[] args) {
        SpringApplication.run(FangkongApplication.class, args);
    }
}
