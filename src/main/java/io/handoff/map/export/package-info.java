/**
 * Map exports (DOT, Mermaid, GraphML, GEXF, CSV, JSON, Backstage, Team API): the maps module's second API, used by
 * the web adapter's export endpoints.
 */
@NamedInterface("export")
package io.handoff.map.export;

import org.springframework.modulith.NamedInterface;
