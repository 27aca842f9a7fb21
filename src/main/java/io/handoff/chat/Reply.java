package io.handoff.chat;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How the adapter answers the person who acted, right away (within the platform's acknowledgement window). */
public sealed interface Reply {

    /** Show a message to the actor only (Slack: ephemeral or DM; Teams: a reply in the conversation). */
    record Show(Message message) implements Reply {
        public Show {
            Objects.requireNonNull(message);
        }
    }

    /**
     * Open a form (Slack modal, Teams card). With {@code replacing}, the message whose button was pressed also becomes
     * that message (as {@link Replace} does), e.g. a question answered "Yes, and there's more": its answer stays where
     * the question was while the form opens.
     */
    record OpenForm(Form form, Optional<Message> replacing) implements Reply {
        public OpenForm {
            Objects.requireNonNull(form);
            replacing = Objects.requireNonNullElse(replacing, Optional.empty());
        }

        public OpenForm(Form form) {
            this(form, Optional.empty());
        }
    }

    /** Answer to a form submission: replace the form with the next step. */
    record NextForm(Form form) implements Reply {
        public NextForm {
            Objects.requireNonNull(form);
        }
    }

    /** Answer to a form submission: keep the form open and show these errors next to the fields (field id → text). */
    record FormErrors(Map<String, String> errors) implements Reply {
        public FormErrors {
            errors = Map.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("form errors need at least one error");
            }
        }
    }

    /**
     * Answer to a form submission: close the form and show the actor a message. With {@code replacesOrigin}, the
     * message whose button opened the form becomes this one (Slack: through the response URL of that button, carried
     * in the modal; Teams: the card whose id the form card carries; the playground: the inbox item the form came
     * from), so a question answered through a form no longer offers its buttons; where an adapter cannot tell which
     * message it was, it shows this one as a new message.
     */
    record CloseForm(Message message, boolean replacesOrigin) implements Reply {
        public CloseForm {
            Objects.requireNonNull(message);
        }

        public CloseForm(Message message) {
            this(message, false);
        }
    }

    /**
     * Answer to a button press: the message the pressed button was on becomes this one (Slack: the original message
     * through the action's response URL; Teams: the card the button was on; the playground: the inbox item or chat
     * bubble). Where an adapter cannot tell which message it was, it shows this one as a new message instead.
     */
    record Replace(Message message) implements Reply {
        public Replace {
            Objects.requireNonNull(message);
        }
    }

    /** Nothing to show (the effect is visible elsewhere, e.g. an updated home view). */
    record Nothing() implements Reply {
    }
}
