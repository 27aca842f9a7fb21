package io.handoff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** Handoff: makes every employee's internal customers visible, in Slack and Microsoft Teams. */
// No user store: Spring Security authenticates the admin token and signed links only (io.handoff.security).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class HandoffApplication {
    public static void main(String[] args) {
        SpringApplication.run(HandoffApplication.class, args);
    }
}
