/**
 * The shard's local journal: batches of commands appended to segment files and made durable with
 * one fdatasync each, read back at start, and forgotten segment by segment once they reached
 * PostgreSQL. The entry point is {@link dev.slipstream.markets.journal.LocalJournal}.
 */
@NullMarked
package dev.slipstream.markets.journal;

import org.jspecify.annotations.NullMarked;
