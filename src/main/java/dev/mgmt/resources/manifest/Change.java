package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field that differs: its path ({@code clientRoute.relativePathList[0]}), the manager's value and the
 * file's (null when a side has no value).
 */
public record Change(String path, JsonNode live, JsonNode wanted) {
}
