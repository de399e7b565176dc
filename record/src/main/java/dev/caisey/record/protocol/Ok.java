package dev.caisey.record.protocol;

/** {@code ok}: the request named by the frame's {@code re} was done (and, if it changed a record, is durable). */
public record Ok() implements Message {}
