package io.cxloop.connectors.template;

/** A message rendered from a template in one language. */
public record RenderedMessage(String subject, String htmlBody, String textBody) {}
