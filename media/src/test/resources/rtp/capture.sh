#!/bin/bash
# Captures one FFmpeg RTP stream and its RTCP as hex fixtures next to this script.
# usage: capture.sh NAME PORT FFMPEG_INPUT_AND_ENCODER_ARGS...
# FFmpeg sends RTP to 127.0.0.1:PORT and RTCP to PORT+1; see README.md for the exact runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
capture="$here/../../java/dev/slipstream/media/rtp/UdpCapture.java"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
name=$1; port=$2; shift 2
"$java" "$capture" "$port" "$here/$name.rtp.hex" 1500 "$name RTP, see README.md" & rtp=$!
"$java" "$capture" $((port + 1)) "$here/$name.rtcp.hex" 3000 "$name RTCP, see README.md" & rtcp=$!
sleep 4 # let both listeners bind before FFmpeg sends its first SR
ffmpeg -hide_banner -loglevel warning "$@" -f rtp "rtp://127.0.0.1:$port" > "$here/$name.sdp"
wait "$rtp" "$rtcp"
