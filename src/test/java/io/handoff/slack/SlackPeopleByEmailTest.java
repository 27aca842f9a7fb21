package io.handoff.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.slack.api.methods.MethodsClient;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/**
 * A Slack user whose email is already a person's (provisioned by SCIM, imported, or from Teams) is that person, in
 * whatever case the address is written; and when the other side writes the person in the moment between Slack's
 * lookup and its own write, the graph's unique email index refuses the second person and Slack links instead.
 * users.info is the WireMock Slack stub.
 */
class SlackPeopleByEmailTest {
    private static final WireMockServer SLACK = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    private final TenantId tenant = TestRedis.uniqueTenant();
    private final GraphStore graph = new RedisGraphStore(TestRedis.client());

    @BeforeAll
    static void start() {
        SLACK.start();
    }

    @AfterAll
    static void stop() {
        SLACK.stop();
    }

    @Test
    void aSlackUserWithAProvisionedPersonsEmailIsThatPerson() {
        // What SCIM provisioning leaves in the graph: a person with the IdP's email and no chat identity.
        PersonId provisioned = PersonId.of("scim-0a1b2c3d4e5f6a7b");
        graph.savePerson(tenant, new Person(provisioned, "Pat Okafor", "pat@acme.example", null, null, Map.of()));
        String userId = SlackTestSupport.slackId('U');
        SlackTestSupport.stubUser(SLACK, userId, "T0ACME", "pat", "Pat@ACME.example");

        Optional<PersonId> resolved = new SlackPeople(graph).resolve(tenant, userId, client());

        assertThat(resolved).contains(provisioned);
        assertThat(graph.person(tenant, provisioned).orElseThrow().identities()).containsEntry(Platform.SLACK, userId);
        assertThat(graph.graph(tenant).people()).hasSize(1);
    }

    @Test
    void whenTheProvisionedPersonArrivesWhileSlackCreatesOneSlackLinksToThem() {
        String userId = SlackTestSupport.slackId('U');
        SlackTestSupport.stubUser(SLACK, userId, "T0ACME", "dana", "dana@acme.example");
        PersonId provisioned = PersonId.of("scim-99aa88bb77cc66dd");
        // The identity provider provisions Dana right after Slack looked her email up and found nobody.
        boolean[] raced = {false};
        GraphStore racing = (GraphStore) Proxy.newProxyInstance(GraphStore.class.getClassLoader(),
                new Class<?>[] {GraphStore.class}, (proxy, method, args) -> {
                    Object answer = invoke(method, args);
                    if (method.getName().equals("personByEmail") && !raced[0]) {
                        raced[0] = true;
                        graph.savePerson(tenant, new Person(provisioned, "Dana Reyes", "dana@acme.example", null,
                                null, Map.of()));
                    }
                    return answer;
                });

        Optional<PersonId> resolved = new SlackPeople(racing).resolve(tenant, userId, client());

        assertThat(resolved).contains(provisioned);
        assertThat(graph.graph(tenant).people()).as("one person, not two").hasSize(1);
        assertThat(graph.personByIdentity(tenant, Platform.SLACK, userId)).contains(provisioned);
    }

    private Object invoke(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(graph, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static MethodsClient client() {
        return SlackTestSupport.slack(SLACK).methods("xoxb-test");
    }
}
