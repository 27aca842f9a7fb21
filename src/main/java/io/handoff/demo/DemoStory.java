package io.handoff.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * The playground's two stories, each a tenant of its own so coverage, maps, reports and journeys never mix: a parcel
 * depot and a hospital ward. Each has the person a newcomer starts as, a named admin (written into the demo data by
 * {@link DemoStories}, never configured, so it can make nobody an admin of a real tenant) and three short hints.
 */
public enum DemoStory {
    DEPOT("depot", "a parcel depot", "Demo: Northside parcel depot", "pat", "mia",
            Set.of("preload", "sort", "drivers", "dispatch", "customer-service", "billing"),
            List.of("Type customers and name Dana Kowalski, the driver who takes the truck you load; then be Dana "
                            + "and confirm it from the Inbox.",
                    "Press +1 week: Handoff asks for a story and a rating; answer them in the Inbox.",
                    "Be Mia Laurent, the depot's admin, and type journey parcel-delivery, report, settings or "
                            + "journey new.")),
    WARD("ward", "a hospital ward", "Demo: St Brigid's ward 4", "wen", "wen",
            Set.of("admissions", "triage", "ward", "pharmacy", "discharge"),
            List.of("Type customers and say what you hand Will Doyle at the shift handover.",
                    "Type story tom to tell Tom Walsh in triage what his bed requests mean on the ward.",
                    "You are the ward's admin too: type journey hospital-stay, report, settings or journey new."));

    private final TenantId tenant;
    private final String title;
    private final String tenantName;
    private final PersonId lead;
    private final PersonId admin;
    private final Set<TeamId> teams;
    private final List<String> hints;

    DemoStory(String tenant, String title, String tenantName, String lead, String admin, Set<String> teams,
              List<String> hints) {
        this.tenant = TenantId.of(tenant);
        this.title = title;
        this.tenantName = tenantName;
        this.lead = PersonId.of(lead);
        this.admin = PersonId.of(admin);
        this.teams = teams.stream().map(TeamId::of).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.hints = List.copyOf(hints);
    }

    /** The story a tenant id names, if it names one. */
    public static Optional<DemoStory> of(TenantId tenant) {
        return Arrays.stream(values()).filter(story -> story.tenant.equals(tenant)).findFirst();
    }

    public static boolean isDemo(TenantId tenant) {
        return of(tenant).isPresent();
    }

    public TenantId tenant() {
        return tenant;
    }

    /** In words, as the playground offers it: "a parcel depot". */
    public String title() {
        return title;
    }

    public String tenantName() {
        return tenantName;
    }

    /** Whom a newcomer starts as. */
    public PersonId lead() {
        return lead;
    }

    /** The story's admin, who may try {@code journey new} and {@code settings}. */
    public PersonId admin() {
        return admin;
    }

    public boolean holds(TeamId team) {
        return teams.contains(team);
    }

    public List<String> hints() {
        return hints;
    }
}
