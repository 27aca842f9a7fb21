package io.handoff.survey;

import org.springframework.stereotype.Component;

import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobHandler;
import io.handoff.scheduler.JobResult;

/** The scheduler's handler of {@value SurveySaves#JOB_TYPE} jobs: a submitted survey half saved after the ack. */
@Component
class SurveySaveJob implements JobHandler {
    private final SurveyFeature survey;

    SurveySaveJob(SurveyFeature survey) {
        this.survey = survey;
    }

    @Override
    public String type() {
        return SurveySaves.JOB_TYPE;
    }

    @Override
    public JobResult handle(Job job) {
        return survey.runSave(job).orElseGet(() -> JobResult.failedPermanently("survey saves are not set up"));
    }

    /** Three tries (about a minute and a half): the person is waiting for their answers. */
    @Override
    public int maxFailures() {
        return 3;
    }

    @Override
    public void deadLettered(Job job, String error) {
        survey.saveFailed(job, error);
    }
}
