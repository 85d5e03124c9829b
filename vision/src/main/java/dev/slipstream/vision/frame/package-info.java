/** The frames the vision pipeline reads: decoded BGR pictures keyed by the stream's media time. */
@NullMarked
package dev.slipstream.vision.frame;

import org.jspecify.annotations.NullMarked;
