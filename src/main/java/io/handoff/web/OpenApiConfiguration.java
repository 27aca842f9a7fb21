package io.handoff.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import io.handoff.security.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The admin API's OpenAPI 3.1 document (springdoc, {@code GET /v3/api-docs}, behind the admin token like the API):
 * title, version, the bearer scheme, the RFC 9457 {@code Problem} schema, and what every {@code /api/v1} operation
 * shares so the controllers only say what is their own: the admin token, 401, 400 (an invalid id) and 404 under
 * {@code /tenants/{tenant}}, the
 * problem body of every error response, and the descriptions of the path variables. springdoc matches
 * {@code /api/v1/**} and {@code /scim/v2/**} ({@code springdoc.paths-to-match}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    static final String BEARER = "adminToken";
    static final String PROBLEM = "Problem";
    static final String ADMIN_API = "/api/v1/";
    static final String SCIM = "/scim/v2/";
    static final String SCIM_BEARER = "scimToken";
    static final String SCIM_ERROR = "ScimError";
    private static final Map<String, String> PATH_VARIABLES = Map.of(
            "tenant", "the tenant id (a Slack team id, a Teams tenant id, or a name such as `depot`)",
            "person", "a person's id in the tenant's graph",
            "journey", "the journey's id (lower case letters, digits and dashes)");

    @Bean
    OpenAPI handoffOpenApi(@Value("${spring.application.version:unknown}") String version) {
        return new OpenAPI()
                .info(new Info().title("Handoff admin API").version(version).description("""
                        Read and manage a tenant's graph of internal customers, its maps, journeys and blueprints, \
                        deliveries and settings. Every request carries the admin token as \
                        `Authorization: Bearer <HANDOFF_ADMIN_TOKEN>`. Errors are RFC 9457 problem details \
                        (`application/problem+json`) whose `type` is one of the stable URIs under %s (see the \
                        README's Admin API section).""".formatted(ProblemType.BASE)))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("HANDOFF_ADMIN_TOKEN"))
                        .addSecuritySchemes(SCIM_BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("the tenant's SCIM token (POST /api/v1/tenants/{tenant}"
                                        + "/scim-token); SCIM answers RFC 7644 bodies (application/scim+json)")));
    }

    @Bean
    OpenApiCustomizer sharedResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getComponents().addSchemas(SCIM_ERROR, scimErrorSchema());
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith(ADMIN_API)) {
                    item.readOperations().forEach(operation -> shared(path, operation));
                } else if (path.startsWith(SCIM)) {
                    item.readOperations().forEach(OpenApiConfiguration::scim);
                }
            });
        };
    }

    /** What every admin API operation shares (SCIM, when present, has its own token and error shape). */
    private static void shared(String path, Operation operation) {
        operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        respond(operation, "401", "no admin token, or a wrong one (`WWW-Authenticate: Bearer`)");
        if (path.contains("{tenant}")) {
            respond(operation, "400", "an id in the path is not valid");
            respond(operation, "404", "no such tenant" + (path.contains("{journey}") ? " or journey" : "")
                    + (path.contains("{person}") ? " or person" : ""));
        }
        operation.getResponses().forEach((code, response) -> {
            if (code.charAt(0) >= '4') { // springdoc gives annotated errors the return type: they answer problems
                response.setContent(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new io.swagger.v3.oas.models.media.MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("path".equals(parameter.getIn()) && parameter.getDescription() == null) {
                    parameter.setDescription(PATH_VARIABLES.get(parameter.getName()));
                }
            }
        }
    }

    /** What every SCIM operation shares: the tenant's SCIM token, and RFC 7644 error bodies (never problem+json). */
    private static void scim(Operation operation) {
        operation.setSecurity(List.of(new SecurityRequirement().addList(SCIM_BEARER)));
        respond(operation, "401", "no SCIM token for this tenant, or a wrong, rotated or revoked one");
        respond(operation, "400", "an invalid filter, value or PATCH operation (scimType says which)");
        operation.getResponses().forEach((code, response) -> {
            if (code.charAt(0) >= '4') {
                response.setContent(new Content().addMediaType("application/scim+json",
                        new io.swagger.v3.oas.models.media.MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + SCIM_ERROR))));
            }
        });
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("path".equals(parameter.getIn()) && parameter.getDescription() == null) {
                    parameter.setDescription("tenant".equals(parameter.getName())
                            ? PATH_VARIABLES.get("tenant") : "the resource's id");
                }
            }
        }
    }

    private static Schema<?> scimErrorSchema() {
        Schema<Object> schema = new Schema<>();
        schema.type("object").description("An RFC 7644 error (`urn:ietf:params:scim:api:messages:2.0:Error`).");
        schema.addProperty("schemas", new Schema<>().type("array").items(new Schema<>().type("string")));
        schema.addProperty("status", new Schema<>().type("string").description("the HTTP status"));
        schema.addProperty("scimType", new Schema<>().type("string").description("e.g. invalidFilter, uniqueness"));
        schema.addProperty("detail", new Schema<>().type("string").description("what went wrong"));
        return schema;
    }

    private static void respond(Operation operation, String code, String description) {
        if (!operation.getResponses().containsKey(code)) {
            operation.getResponses().addApiResponse(code, new ApiResponse().description(description));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema<Object> schema = new Schema<>();
        schema.type("object").description("An RFC 9457 problem detail (`application/problem+json`).");
        schema.addProperty("type", new Schema<>().type("string").format("uri").description(
                "the kind of problem, one of the stable URIs under " + ProblemType.BASE));
        schema.addProperty("title", new Schema<>().type("string").description("the problem type's short title"));
        schema.addProperty("status", new Schema<>().type("integer").description("the HTTP status"));
        schema.addProperty("detail", new Schema<>().type("string").description("what went wrong, for a person"));
        schema.addProperty("instance", new Schema<>().type("string").format("uri-reference")
                .description("the request's path"));
        schema.addProperty("reference", new Schema<>().type("string").description(
                "`internal` only: the reference of the ERROR log entry, for support"));
        schema.addProperty("problems", new Schema<>().type("array").items(new Schema<>().type("string"))
                .description("`invalid-settings` only: every problem with the settings"));
        Schema errors = new Schema<>().type("object");
        errors.addProperty("field", new Schema<>().type("string").description("`invalid-journey`: the wrong field"));
        errors.addProperty("row", new Schema<>().type("integer").description("`invalid-signals`: 1 = first data row"));
        errors.addProperty("column", new Schema<>().type("string").description("`invalid-signals`: the column"));
        errors.addProperty("message", new Schema<>().type("string").description("what is wrong with it"));
        schema.addProperty("errors", new Schema<>().type("array").items(errors)
                .description("`invalid-journey` and `invalid-signals` only: each wrong field or row"));
        schema.required(List.of("type", "title", "status"));
        return schema;
    }
}
