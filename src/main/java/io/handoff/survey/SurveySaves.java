package io.handoff.survey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Block;
import io.handoff.chat.Delivery;
import io.handoff.chat.port.PlatformSender;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Paragraph;
import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobInfo;
import io.handoff.scheduler.JobResult;
import io.handoff.scheduler.JobState;
import io.handoff.scheduler.Scheduler;

/**
 * Saves submitted survey halves after the acknowledgement. Each submission is one durable scheduler job of type
 * {@value #JOB_TYPE} (id from the submission, so the same one is queued once) that any replica may run: nothing is
 * lost when the request's replica dies. The job writes the claims, hands the colleagues' questions to
 * {@link Delivery} (their keys come from the submission's time, so a re-run sends nothing twice) and, after the last
 * half, sends the person the summary ({@link Delivery#reply}). A save that keeps failing goes to the dead letters and
 * the person is told their answers were not saved.
 */
final class SurveySaves {
    static final String JOB_TYPE = "survey.save";
    /** How long the suppliers half waits for the customers half still being saved before it goes ahead anyway. */
    static final Duration WAIT_FOR_FIRST_HALF = Duration.ofMinutes(2);
    private static final Duration WAIT_STEP = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(SurveySaves.class);

    private final Scheduler scheduler;
    private final Delivery delivery;
    private final GraphStore graph;
    private final List<PlatformSender> senders;
    private final SurveyMetrics metrics;

    SurveySaves(Scheduler scheduler, Delivery delivery, GraphStore graph, List<PlatformSender> senders,
                SurveyMetrics metrics) {
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.delivery = delivery;
        this.graph = graph;
        this.senders = List.copyOf(senders);
    }

    /** Queues the save; returns the job's id. */
    String enqueue(SurveySubmission submission) {
        Job job = Job.of(submission.tenant(), submission.jobId(), JOB_TYPE, submission.toJson(),
                scheduler.clock().instant());
        scheduler.scheduleIfAbsent(job);
        return job.id();
    }

    JobResult run(Job job, SurveyFlow flow) {
        SurveySubmission submission = SurveySubmission.fromJson(job.tenant(), job.payload());
        Instant now = scheduler.clock().instant();
        if (!submission.after().isEmpty() && now.isBefore(submission.at().plus(WAIT_FOR_FIRST_HALF))
                && pending(submission.tenant(), submission.after())) {
            return JobResult.runAgainAt(now.plus(WAIT_STEP), "waiting for the customers half to be saved");
        }
        Optional<SurveyFlow.Saved> saved;
        try {
            saved = flow.save(submission);
        } catch (Refusal refused) {
            return JobResult.failedPermanently(refused.getMessage());
        }
        if (saved.isEmpty()) {
            return JobResult.done("person gone");
        }
        for (Notification notification : saved.get().notifications()) {
            delivery.deliver(submission.tenant(), notification, notification.key());
        }
        unreachable(submission, saved.get().notifications()).ifPresent(notice -> delivery.reply(submission.tenant(),
                new Notification(submission.actor(), notice, "survey-unreachable:" + job.id()),
                "survey-unreachable:" + job.id()));
        saved.get().summary().ifPresent(summary -> {
            // the summary follows the last half: the survey is complete
            metrics.completed();
            delivery.reply(submission.tenant(), new Notification(submission.actor(), summary,
                    "survey-saved:" + job.id()), "survey-saved:" + job.id());
        });
        return JobResult.done(submission.people().size() + " named, " + saved.get().notifications().size()
                + " notifications");
    }

    /** The person hears that their answers were not saved, and how to try again. */
    void deadLettered(Job job, String error) {
        SurveySubmission submission;
        try {
            submission = SurveySubmission.fromJson(job.tenant(), job.payload());
        } catch (RuntimeException unreadable) {
            log.warn("Survey save {} of tenant {} failed and its payload is unreadable", job.id(), job.tenant());
            return;
        }
        log.warn("Survey save {} of {} in tenant {} failed for good: {}", job.id(), submission.actor(),
                job.tenant(), error);
        Message sorry = new Message("I could not save your answers", List.of(
                Paragraph.builder().plain("Sorry, I could not save your answers about ")
                        .strong(submission.direction() == Direction.CUSTOMERS ? "who depends on your work"
                                : "whose work you depend on")
                        .plain(".").build(),
                Paragraph.of("Type customers to try again; what you saved before is unchanged.")));
        delivery.reply(job.tenant(), new Notification(submission.actor(), sorry, "survey-failed:" + job.id()),
                "survey-failed:" + job.id());
    }

    /** Tells the person which colleagues no platform reaches yet, so their questions wait. */
    private Optional<Message> unreachable(SurveySubmission submission, List<Notification> notifications) {
        List<Block> blocks = new ArrayList<>();
        List<PersonId> told = new ArrayList<>();
        for (Notification notification : notifications) {
            if (told.contains(notification.to())) {
                continue;
            }
            Optional<Person> colleague = graph.person(submission.tenant(), notification.to());
            if (colleague.isPresent() && senders.stream().noneMatch(s -> s.canReach(submission.tenant(),
                    colleague.get()))) {
                told.add(notification.to());
                blocks.add(Paragraph.builder().strong(colleague.get().displayName())
                        .plain(" does not use Handoff in Teams or Slack yet, so they could not be asked now. "
                                + "Handoff has noted your request; ask them to add the Handoff app.").build());
            }
        }
        return blocks.isEmpty() ? Optional.empty() : Optional.of(new Message(told.size() == 1
                ? "A colleague could not be asked yet" : told.size() + " colleagues could not be asked yet", blocks));
    }

    private boolean pending(TenantId tenant, String jobId) {
        return scheduler.job(tenant, jobId).map(JobInfo::state)
                .map(state -> state == JobState.DUE || state == JobState.LEASED).orElse(false);
    }
}
