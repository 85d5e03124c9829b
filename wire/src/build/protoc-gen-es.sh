#!/bin/sh
# Starts protoc-gen-es from wire/node_modules for protoc.
#
# The protobuf Maven plugin copies a URL plugin to its own work folder before running it,
# so this launcher cannot find node_modules relative to itself: the build passes the
# module folder and the node executable in the environment instead.
if [ -z "${SLIPSTREAM_WIRE_DIR:-}" ]; then
  echo "protoc-gen-es.sh: SLIPSTREAM_WIRE_DIR must name the wire module folder" >&2
  exit 2
fi
exec "${SLIPSTREAM_NODE:-node}" \
  "$SLIPSTREAM_WIRE_DIR/node_modules/@bufbuild/protoc-gen-es/bin/protoc-gen-es" "$@"
