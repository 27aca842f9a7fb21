package io.handoff.chat.port;

import io.handoff.graph.Person;
import io.handoff.graph.TenantId;

/**
 * Port: tells whether a person is out of office. Adapters implement it from what their platform knows (Slack status
 * or Do Not Disturb, Teams presence "OutOfOffice"/out-of-office message). With no implementation everyone is
 * available; with several, a person is away when any says so. Must answer fast (cache platform calls).
 */
public interface AvailabilityCheck {

    Availability availability(TenantId tenant, Person person);
}
