package io.handoff.teams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import io.handoff.security.SecurityLog;
import io.handoff.security.SecurityOrder;
import io.handoff.security.Stateless;

/**
 * {@code GET /files/{token}}: the signed file link in the path is the credential, verified here by
 * {@link TeamsFiles#verify}; the verified {@link TeamsFiles.FileLink} is the principal the controller serves. An
 * altered, foreign or expired link gets 403 and a WARN line (without the token).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TeamsConfiguration.TeamsConfigured.class)
class TeamsFilesSecurity {
    private static final Pattern FILE_PATH = Pattern.compile("^/files/([^/]+)$");

    @Bean
    @Order(SecurityOrder.FILE_LINKS)
    SecurityFilterChain fileLinksChain(HttpSecurity http, TeamsFiles files) throws Exception {
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(List.of(new Provider(files))),
                TeamsFilesSecurity::presented);
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler(TeamsFilesSecurity::refuse);
        return Stateless.withoutCsrf(http)
                .securityMatcher("/files/**")
                .addFilterAt(filter, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/files/*").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/files/*").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(TeamsFilesSecurity::refuse)
                        .accessDeniedHandler((request, response, denied) -> refuse(request, response,
                                new BadCredentialsException(new TeamsFiles.InvalidFileLink().getMessage()))))
                .build();
    }

    private static Authentication presented(HttpServletRequest request) {
        Matcher path = FILE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return path.matches() ? new FileLinkToken(path.group(1)) : null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        SecurityLog.refused(request, "file link not valid or expired");
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
        response.getOutputStream().write(new TeamsFiles.InvalidFileLink().getMessage().getBytes(StandardCharsets.UTF_8));
    }

    private record Provider(TeamsFiles files) implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication authentication) {
            try {
                return new FileLinkToken(files.verify((String) authentication.getCredentials()));
            } catch (TeamsFiles.InvalidFileLink e) {
                throw new BadCredentialsException(e.getMessage());
            }
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return FileLinkToken.class.isAssignableFrom(authentication);
        }
    }

    /** The link as presented (credentials = token), or verified (principal = the file it names). */
    static final class FileLinkToken extends AbstractAuthenticationToken {
        private final transient String token;
        private final transient TeamsFiles.FileLink link;

        FileLinkToken(String token) {
            super(List.of());
            this.token = token;
            this.link = null;
        }

        FileLinkToken(TeamsFiles.FileLink link) {
            super(List.of());
            this.token = null;
            this.link = link;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return link;
        }
    }
}
