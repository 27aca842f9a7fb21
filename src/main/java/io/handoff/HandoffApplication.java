package io.handoff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Handoff: makes every employee's internal customers visible, in Slack and Microsoft Teams. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HandoffApplication {
    public static void main(String[] args) {
        SpringApplication.run(HandoffApplication.class, args);
    }
}
