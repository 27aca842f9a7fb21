package io.handoff.msteams;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import io.handoff.security.SecurityOrder;
import io.handoff.security.SignedPathLinks;

/**
 * {@code GET /files/{token}}: the signed file link in the path is the credential, verified in the security chain by
 * {@link MsTeamsFiles#verify}; the verified {@link MsTeamsFiles.FileLink} is the principal the controller serves. An
 * altered, foreign or expired link gets 403 and a WARN line (without the token).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MsTeamsConfiguration.TeamsConfigured.class)
class MsTeamsFilesSecurity {

    @Bean
    @Order(SecurityOrder.FILE_LINKS)
    SecurityFilterChain fileLinksChain(HttpSecurity http, MsTeamsFiles files) throws Exception {
        String invalid = new MsTeamsFiles.InvalidFileLink().getMessage();
        return new SignedPathLinks("file link", "/files/**", List.of("/files/*"),
                Pattern.compile("^/files/([^/]+)$"),
                token -> {
                    try {
                        return files.verify(token);
                    } catch (MsTeamsFiles.InvalidFileLink e) {
                        throw new BadCredentialsException(e.getMessage());
                    }
                },
                (request, response, reason) -> {
                    if (response.isCommitted()) {
                        return;
                    }
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
                    response.getOutputStream().write(invalid.getBytes(StandardCharsets.UTF_8));
                },
                invalid)
                .chain(http);
    }
}
