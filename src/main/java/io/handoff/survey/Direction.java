package io.handoff.survey;

import io.handoff.graph.ClaimedBy;
import io.handoff.graph.Handoff;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;

/**
 * The two halves of the survey: naming your internal customers (you are upstream) and naming your suppliers (you
 * are downstream). Everything that differs between the halves is here.
 */
enum Direction {
    CUSTOMERS(Side.UPSTREAM, SurveyActions.CUSTOMERS_PICK, SurveyActions.CUSTOMERS_TERMS,
            "Your internal customers", "Who depends on your work?",
            "The colleagues who use what you hand over: they are your internal customers.",
            "What you hand over", "What do you hand them?", "If this goes wrong, is their day lost?",
            "Say in a few words what you hand them", "Say how often you hand this over",
            "Say whether their day is lost if this goes wrong"),
    SUPPLIERS(Side.DOWNSTREAM, SurveyActions.SUPPLIERS_PICK, SurveyActions.SUPPLIERS_TERMS,
            "Your suppliers", "Whose work do you depend on?",
            "The colleagues whose work you need to do yours.",
            "What you receive", "What do they hand you?", "If this goes wrong, is your day lost?",
            "Say in a few words what they hand you", "Say how often they hand this to you",
            "Say whether your day is lost if this goes wrong");

    final Side mySide;
    final String pickForm;
    final String termsForm;
    final String pickTitle;
    final String pickLabel;
    final String pickIntro;
    final String termsTitle;
    final String whatLabel;
    final String criticalLabel;
    /** What a required answer missing says, in words (without a full stop: cards show it as is). */
    final String whatMissing;
    final String oftenMissing;
    final String criticalMissing;

    Direction(Side mySide, String pickForm, String termsForm, String pickTitle, String pickLabel, String pickIntro,
              String termsTitle, String whatLabel, String criticalLabel, String whatMissing, String oftenMissing,
              String criticalMissing) {
        this.mySide = mySide;
        this.pickForm = pickForm;
        this.termsForm = termsForm;
        this.pickTitle = pickTitle;
        this.pickLabel = pickLabel;
        this.pickIntro = pickIntro;
        this.termsTitle = termsTitle;
        this.whatLabel = whatLabel;
        this.criticalLabel = criticalLabel;
        this.whatMissing = whatMissing;
        this.oftenMissing = oftenMissing;
        this.criticalMissing = criticalMissing;
    }

    PersonId upstream(PersonId me, PersonId other) {
        return mySide == Side.UPSTREAM ? me : other;
    }

    PersonId downstream(PersonId me, PersonId other) {
        return mySide == Side.UPSTREAM ? other : me;
    }

    /** Whether the edge belongs to this half for {@code me} (me at my side of it). */
    boolean covers(Handoff edge, PersonId me) {
        return edge.end(mySide).equals(me);
    }

    PersonId other(Handoff edge) {
        return edge.end(mySide.other());
    }

    /** Edges of this half that {@code me} has named (alone or with the other side). */
    boolean namedByMe(Handoff edge, PersonId me) {
        return covers(edge, me) && edge.claimedBy().includes(mySide);
    }

    boolean mineAlone(Handoff edge) {
        return edge.claimedBy() == ClaimedBy.of(mySide);
    }
}
