package io.handoff.survey;

import io.handoff.chat.Action;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;

/** The action and form ids of the survey; all start with {@link #PREFIX}. */
final class SurveyActions {
    static final String PREFIX = "survey.";
    static final String START = PREFIX + "start";
    static final String CONFIRM = PREFIX + "confirm";
    static final String DISPUTE = PREFIX + "dispute";
    static final String MORE = PREFIX + "more";
    static final String CHANGE = PREFIX + "change";
    static final String RESUME = PREFIX + "resume";
    static final String FORGET = PREFIX + "forget.confirm";
    static final String FORGET_CANCEL = PREFIX + "forget.cancel";

    static final String CUSTOMERS_PICK = PREFIX + "customers.pick";
    static final String CUSTOMERS_TERMS = PREFIX + "customers.terms";
    static final String SUPPLIERS_PICK = PREFIX + "suppliers.pick";
    static final String SUPPLIERS_TERMS = PREFIX + "suppliers.terms";
    static final String DISPUTE_FORM = PREFIX + "dispute.reason";

    private SurveyActions() {
    }

    static Action start() {
        return new Action(START, "");
    }

    static Buttons startButton(String label) {
        return Buttons.of(Button.primary(label, start()));
    }
}
