-- How each stream's camera sees the ground: the calibration point pairs (image pixels -> ground
-- metres) that fix its homography, and the named zones (polygons in metres) vision watches.
-- One row per stream; a revision number lets editors update without overwriting each other.
CREATE TABLE vision.stream_views (
  stream_id   text PRIMARY KEY,
  -- image_x, image_y, ground_x, ground_y for each point, in order
  points      double precision[] NOT NULL CHECK (cardinality(points) >= 16 AND cardinality(points) % 4 = 0),
  revision    bigint NOT NULL CHECK (revision >= 1),
  updated_at  timestamptz NOT NULL,
  updated_by  text NOT NULL
);

CREATE TABLE vision.stream_zones (
  stream_id  text NOT NULL REFERENCES vision.stream_views (stream_id) ON DELETE CASCADE,
  position   int NOT NULL,
  zone_id    text NOT NULL,
  -- x, y of each vertex in metres, in order
  vertices   double precision[] NOT NULL CHECK (cardinality(vertices) >= 6 AND cardinality(vertices) % 2 = 0),
  PRIMARY KEY (stream_id, position),
  UNIQUE (stream_id, zone_id)
);
