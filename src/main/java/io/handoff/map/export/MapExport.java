package io.handoff.map.export;

import io.handoff.map.DependencyMap;
import io.handoff.map.MapDrawing;

/** Writes a map in one file format. {@code drawing} is the laid-out map, for formats that keep positions. */
public interface MapExport {
    byte[] write(DependencyMap map, MapDrawing drawing);
}
