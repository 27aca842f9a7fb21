package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.handoff.chat.port.AvailabilityCheck;
import io.handoff.delivery.Decision;
import io.handoff.delivery.DeliveryRules;
import io.handoff.delivery.MessageKind;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/** The whole app: a colleague whose Teams presence says out of office gets nothing until they are back. */
class MsTeamsPresenceAppTest extends MsTeamsAppTest {

    @Autowired
    DeliveryRules rules;

    @Autowired
    List<AvailabilityCheck> availabilityChecks;

    @Test
    void theDeliveryRulesHoldMessagesForSomeoneOutOfOfficeInTeams() {
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        BotFrameworkFake.TeamsUser eli = user("Eli Novak", "eli@contoso.example");
        fake.server.stubFor(get(urlPathEqualTo("/graph/v1.0/users/" + dana.aadObjectId() + "/presence"))
                .willReturn(okJson("""
                        {"id":"%s","availability":"Away","activity":"OutOfOffice",
                         "outOfOfficeSettings":{"message":"Back on the 3rd","isOutOfOffice":true}}"""
                        .formatted(dana.aadObjectId()))));
        client.post(fake.text(dana, "home"));
        client.post(fake.text(eli, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        Person danaPerson = graph.person(tenant, PersonId.of("dana@contoso.example")).orElseThrow();
        Person eliPerson = graph.person(tenant, PersonId.of("eli@contoso.example")).orElseThrow();

        Decision forDana = rules.decide(tenant, danaPerson.id(), Optional.of(danaPerson), MessageKind.CONFIRMATION,
                "presence-test-1");
        Decision forEli = rules.decide(tenant, eliPerson.id(), Optional.of(eliPerson), MessageKind.CONFIRMATION,
                "presence-test-2");

        assertThat(availabilityChecks).hasAtLeastOneElementOfType(MsTeamsAvailability.class);
        assertThat(forDana.verdict()).isEqualTo(Decision.Verdict.DEFER);
        assertThat(forDana.reason()).isEqualTo("out of office");
        assertThat(forEli.reason()).isNotEqualTo("out of office");
        fake.server.verify(1, postRequestedFor(urlPathEqualTo("/login/" + microsoftTenant + "/oauth2/v2.0/token")));
        fake.server.verify(1, getRequestedFor(urlPathEqualTo("/graph/v1.0/users/" + dana.aadObjectId() + "/presence")));
    }
}
