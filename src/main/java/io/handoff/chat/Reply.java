package io.handoff.chat;

import java.util.Map;
import java.util.Objects;

/** How the adapter answers the person who acted, right away (within the platform's acknowledgement window). */
public sealed interface Reply {

    /** Show a message to the actor only (Slack: ephemeral or DM; Teams: a reply in the conversation). */
    record Show(Message message) implements Reply {
        public Show {
            Objects.requireNonNull(message);
        }
    }

    /** Open a form (Slack modal, Teams card). */
    record OpenForm(Form form) implements Reply {
        public OpenForm {
            Objects.requireNonNull(form);
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

    /** Answer to a form submission: close the form and show the actor a message. */
    record CloseForm(Message message) implements Reply {
        public CloseForm {
            Objects.requireNonNull(message);
        }
    }

    /** Nothing to show (the effect is visible elsewhere, e.g. an updated home view). */
    record Nothing() implements Reply {
    }
}
