package io.handoff.journey;

import java.util.ArrayList;
import java.util.List;

import io.handoff.chat.Attachment;
import io.handoff.chat.Block;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.map.MapLinks;
import io.handoff.map.MapScope;

/**
 * What {@code journey <name>} adds to its text: the blueprint as a picture (a PNG attachment, which Slack uploads,
 * Teams shows in a card and the playground shows inline, as for {@code map}) and a signed link to the interactive
 * blueprint page.
 */
class BlueprintReply {
    /** Adds nothing (tests of the text alone). */
    static final BlueprintReply NONE = new BlueprintReply(null, null);

    private final BlueprintPictures pictures;
    private final MapLinks links;

    BlueprintReply(BlueprintPictures pictures, MapLinks links) {
        this.pictures = pictures;
        this.links = links;
    }

    Message with(Message text, TenantId tenant, PersonId viewer, Blueprint blueprint, OrgGraph org) {
        if (pictures == null) {
            return text;
        }
        BlueprintPictures.File png = pictures.export(blueprint, org::teamName, BlueprintFormat.PNG);
        List<Block> blocks = new ArrayList<>(text.blocks());
        blocks.add(new Link("Open the interactive blueprint", links.blueprintUrl(links.grant(tenant, viewer,
                new MapScope.Journey(blueprint.journey().id().value())))));
        List<Attachment> attachments = new ArrayList<>(text.attachments());
        attachments.add(new Attachment(png.fileName(), png.mediaType(), png.content(),
                blueprint.journey().name() + ": experience blueprint"));
        return new Message(text.summary(), blocks, attachments);
    }
}
