package dev.slipstream.gateway.access;

/**
 * One registered route and who may call it, as the gateway's route table lists them.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the path pattern, e.g. {@code /api/streams/{id}/end}
 * @param access who may call it, or null when the route was registered without a rule (which the
 *     guard refuses)
 */
public record RouteRule(String method, String path, Access access) {}
