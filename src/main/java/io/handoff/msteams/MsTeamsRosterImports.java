package io.handoff.msteams;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import com.microsoft.bot.schema.teams.TeamsPagedMembersResult;

import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.ClaimOnce;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reads team rosters from the Bot Framework connector off the request thread, so Teams gets its answer to the
 * activity at once even for a team of thousands (Teams waits about 15 s, then sends the activity again).
 * <ul>
 * <li>Installing Handoff in a team imports its whole roster ({@code GET /v3/conversations/{team}/pagedmembers},
 * {@link #PAGE_SIZE} a page, see {@link MsTeamsAdapter#pagedMembers}),
 * then posts "Handoff added N colleagues from &lt;team&gt;" (or a failure note) into the conversation the install came
 * from. Each import is claimed in {@code handoff:{tenant}:teams-roster-import:<team>} (SET NX PX, {@link #CLAIM},
 * renewed with every page), so a retried install activity starts no second import; the claim is released when the
 * import fails (the next install tries again) and forgotten when Handoff is removed from the team.</li>
 * <li>Colleagues added to a team later are fetched one by one ({@code GET /v3/conversations/{team}/members/{id}}).</li>
 * </ul>
 * The work runs on a small bounded pool owned by this bean and shut down with it; a full queue refuses new work
 * (logged) rather than piling it up.
 */
final class MsTeamsRosterImports implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MsTeamsRosterImports.class);
    /** How long a claimed import blocks another of the same team; renewed with every page read. */
    static final Duration CLAIM = Duration.ofMinutes(30);
    /** How long an import's follow-up waits for the install's welcome to be sent (Teams allows a turn 15 s). */
    static final Duration ANNOUNCE_WAIT = Duration.ofSeconds(20);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** Members per roster page (Teams' paged roster call; the unpaged one is throttled and capped). */
    static final int PAGE_SIZE = 100;

    enum Start {
        /** The import runs in the background. */
        STARTED,
        /** An import of this team is running or finished within {@link #CLAIM}: a repeated install activity. */
        ALREADY_CLAIMED,
        /** Too many imports are queued; nothing was claimed. */
        BUSY
    }

    private final MsTeamsAdapter adapter;
    private final String appId;
    private final MsTeamsPeople people;
    private final MsTeamsAddresses addresses;
    private final ClaimOnce claims;
    private final ThreadPoolExecutor work;

    MsTeamsRosterImports(MsTeamsAdapter adapter, String appId, MsTeamsPeople people, MsTeamsAddresses addresses,
                       UnifiedJedis redis, int threads, int queued) {
        this.adapter = adapter;
        this.appId = appId;
        this.people = people;
        this.addresses = addresses;
        this.claims = new ClaimOnce(redis);
        AtomicInteger count = new AtomicInteger();
        this.work = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queued),
                runnable -> new Thread(runnable, "teams-roster-" + count.incrementAndGet()));
        this.work.allowCoreThreadTimeOut(true);
    }

    static String claimKey(TenantId tenant, String msTeamsTeamId) {
        return TenantKeys.key(tenant, "teams-roster-import:" + msTeamsTeamId);
    }

    /**
     * Claims and queues the import of a team's roster; {@code installedIn} is where the follow-up is posted, and
     * {@code teamName} (typed by people) is shown escaped. The roster is read at once, but its follow-up waits until
     * {@code announced} completes (the install's welcome, which says the colleagues are being added, has been sent),
     * at most {@link #ANNOUNCE_WAIT}: a small team's import could otherwise say it is done before the welcome said it
     * began.
     */
    Start importRoster(TenantId tenant, ConversationReference installedIn, String msTeamsTeamId, String teamName,
                       CompletionStage<?> announced) {
        Optional<ClaimOnce.Claim> claim = claims.claim(claimKey(tenant, msTeamsTeamId), UUID.randomUUID().toString(),
                CLAIM);
        if (claim.isEmpty()) {
            log.info("The roster of Teams team {} of {} is already being imported (a repeated install)", msTeamsTeamId,
                    tenant);
            return Start.ALREADY_CLAIMED;
        }
        RosterImport job = new RosterImport(tenant, installedIn, msTeamsTeamId, teamName, claim.get(), announced);
        try {
            work.execute(new Queued(job, this::run));
            return Start.STARTED;
        } catch (RejectedExecutionException busy) {
            release(job);
            log.warn("Could not queue the roster import of Teams team {} of {}: {} imports are waiting", msTeamsTeamId,
                    tenant, work.getQueue().size());
            return Start.BUSY;
        }
    }

    /** Fetches and saves colleagues who joined a team (by their {@code 29:} ids), after Teams got its answer. */
    void fetchJoiners(TenantId tenant, ConversationReference in, String msTeamsTeamId, List<String> userIds) {
        try {
            work.execute(() -> fetch(tenant, in, msTeamsTeamId, userIds));
        } catch (RejectedExecutionException busy) {
            log.warn("Could not queue fetching {} colleagues who joined Teams team {} of {}; they become known when "
                    + "they first use Handoff", userIds.size(), msTeamsTeamId, tenant);
        }
    }

    /** Handoff left the team: a later install imports its roster again. */
    void forget(TenantId tenant, String msTeamsTeamId) {
        claims.forget(claimKey(tenant, msTeamsTeamId));
    }

    /**
     * A team member as a person (matched by Entra object id, then email, else new) with their Teams user id; false
     * when the member has no Entra object id or could not be saved.
     */
    boolean save(TenantId tenant, TeamsChannelAccount member) {
        String aad = member.getAadObjectId() != null ? member.getAadObjectId() : member.getObjectId();
        if (aad == null || aad.isBlank()) {
            return false;
        }
        String email = member.getEmail() != null ? member.getEmail() : member.getUserPrincipalName();
        try {
            PersonId person = people.resolve(tenant, aad, member.getName(), email);
            addresses.rememberUserId(tenant, person, member.getId());
            return true;
        } catch (RuntimeException e) {
            log.warn("Skipped a team member of {}: {}", tenant, e.getMessage());
            return false;
        }
    }

    private record RosterImport(TenantId tenant, ConversationReference installedIn, String msTeamsTeamId,
                                String teamName, ClaimOnce.Claim claim, CompletionStage<?> announced) {
    }

    /** A queued import, so the claims of imports that never ran can be released at shutdown. */
    private record Queued(RosterImport job, Consumer<RosterImport> body) implements Runnable {
        @Override
        public void run() {
            body.accept(job);
        }
    }

    private void run(RosterImport job) {
        AtomicInteger added = new AtomicInteger();
        Message result;
        try {
            readRoster(job, added);
            log.info("Imported {} people from the roster of Teams team {} into {}", added.get(), job.msTeamsTeamId(),
                    job.tenant());
            result = new Message("Handoff added " + colleagues(added.get()), List.of(Paragraph.builder()
                    .plain("Handoff added " + colleagues(added.get()) + " from ").strong(job.teamName()).build()));
        } catch (RuntimeException failed) {
            release(job);
            String why = MsTeamsSender.failure(failed, job.msTeamsTeamId()).getMessage();
            log.warn("The roster import of Teams team {} of {} stopped after {} people: {}", job.msTeamsTeamId(),
                    job.tenant(), added.get(), why);
            result = new Message("Handoff could not read this team's members", List.of(Paragraph.builder()
                    .plain("Handoff could not read the members of ").strong(job.teamName())
                    .plain(" from Teams (" + why + "); it added " + colleagues(added.get()) + " before that. "
                            + "Remove Handoff from the team and add it again to try once more.").build()));
        }
        awaitAnnounced(job);
        post(job, result);
    }

    /** Waits (at most {@link #ANNOUNCE_WAIT}) until the welcome that announced the import has been sent. */
    private static void awaitAnnounced(RosterImport job) {
        try {
            job.announced().toCompletableFuture().get(ANNOUNCE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.info("Posting the roster import result of Teams team {} of {} without waiting for its welcome: {}",
                    job.msTeamsTeamId(), job.tenant(), e.toString());
        }
    }

    private static String colleagues(int count) {
        return count == 1 ? "1 colleague" : count + " colleagues";
    }

    private void readRoster(RosterImport job, AtomicInteger added) {
        String continuation = null;
        do {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Handoff is shutting down");
            }
            TeamsPagedMembersResult page = adapter.pagedMembers(job.installedIn().getServiceUrl(), job.msTeamsTeamId(),
                    PAGE_SIZE, continuation);
            List<TeamsChannelAccount> members = page.getMembers() == null ? List.of() : page.getMembers();
            for (TeamsChannelAccount member : members) {
                if (save(job.tenant(), member)) {
                    added.incrementAndGet();
                }
            }
            claims.renew(job.claim(), CLAIM);
            continuation = page.getContinuationToken();
        } while (continuation != null && !continuation.isBlank());
    }

    private void fetch(TenantId tenant, ConversationReference in, String msTeamsTeamId, List<String> userIds) {
        try {
            inTurn(in, turn -> {
                for (String userId : userIds) {
                    try {
                        TeamsChannelAccount member = TeamsInfo.getTeamMember(turn, userId, msTeamsTeamId).join();
                        if (member != null && save(tenant, member)) {
                            log.info("A colleague joined a Teams team of {} and is now known to Handoff", tenant);
                        }
                    } catch (RuntimeException e) {
                        log.warn("Could not read Teams member {} who joined team {} of {}: {}", userId, msTeamsTeamId,
                                tenant, e instanceof CompletionException && e.getCause() != null
                                        ? e.getCause().getMessage() : e.getMessage());
                    }
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not fetch the colleagues who joined Teams team {} of {}: {}", msTeamsTeamId, tenant,
                    e.toString());
        }
    }

    /** Posts into the conversation the install came from; a refusal (Handoff removed meanwhile...) is logged. */
    private void post(RosterImport job, Message message) {
        try {
            inTurn(job.installedIn(), turn -> {
                Throwable failed = turn.sendActivity(MsTeamsMessages.message(message)).handle((sent, error) -> error)
                        .join();
                if (failed != null) {
                    throw new CompletionException(failed);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not post the roster import result into Teams team {} of {}: {}", job.msTeamsTeamId(),
                    job.tenant(), MsTeamsSender.failure(e, job.msTeamsTeamId()).getMessage());
        }
    }

    /**
     * Runs {@code work} in a turn of the stored conversation (our token, {@link ConnectorRetry}); what it throws is
     * rethrown here, never handed to the adapter's turn-error handler (which would answer "sorry" into the team).
     */
    private void inTurn(ConversationReference reference, Consumer<TurnContext> work) {
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        adapter.continueConversation(appId, reference, turn -> {
            try {
                work.accept(turn);
            } catch (RuntimeException e) {
                failed.set(e);
            }
            return CompletableFuture.completedFuture(null);
        }).join();
        if (failed.get() != null) {
            throw failed.get();
        }
    }

    private void release(RosterImport job) {
        try {
            claims.release(job.claim());
        } catch (RuntimeException e) {
            log.warn("Could not release the roster import claim {}: {}", job.claim().key(), e.toString());
        }
    }

    /** Lets running imports finish for a while, then stops them; the claims of imports never started are released. */
    @Override
    public void close() {
        work.shutdown();
        try {
            if (work.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Runnable never : work.shutdownNow()) {
            if (never instanceof Queued queued) {
                release(queued.job());
            }
        }
    }
}
