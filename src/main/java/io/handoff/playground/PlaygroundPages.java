package io.handoff.playground;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} and {@code /playground} open the playground page (static/playground/index.html). */
@Controller
@Conditional(PlaygroundEnabled.class)
class PlaygroundPages {

    @GetMapping({"/", "/playground", "/playground/"})
    String page() {
        return "forward:/playground/index.html";
    }
}
