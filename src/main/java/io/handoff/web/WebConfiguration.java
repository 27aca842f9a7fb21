package io.handoff.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.config.HandoffProperties;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    AdminToken adminToken(HandoffProperties properties) {
        return AdminToken.fromConfiguration(properties.adminToken());
    }

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(AdminToken token) {
        FilterRegistrationBean<AdminTokenFilter> registration = new FilterRegistrationBean<>(new AdminTokenFilter(token));
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }
}
