#!/bin/sh
# Lays the runtime out for the Docker image, which runs on Linux x86_64 (glibc) only: Spring Boot's extracted layers
# of the jar built with the linux-x86_64 profile, minus the native libraries of every other platform that some jars
# carry (ONNX Runtime with its debug symbols, the Hugging Face tokenizers, JNA, gRPC's Netty). The Dockerfile runs it;
# run it the same way to measure or try the image's contents without Docker (docs/image.md):
#   docker/image-layers.sh runtime-api/target/runtime-api.jar /tmp/layers
set -eu

jar=$1
destination=$2

# Removes from a jar the entries that match $2 (the foreign natives) but not $3 (those of Linux x86_64). Fails when
# nothing matches, so that a dependency whose layout changed is noticed rather than shipped whole.
strip() {
    library=$(ls "$destination"/dependencies/lib/$1-[0-9]*.jar)
    foreign=$(unzip -Z1 "$library" | grep -E "$2" | grep -vE "$3" || true)
    if [ -z "$foreign" ]; then
        echo "no foreign native library found in $library: did its layout change?" >&2
        exit 1
    fi
    echo "$foreign" | zip -q -d "$library" -@
    echo "$(basename "$library"): removed $(echo "$foreign" | wc -l) entries"
}

rm -rf "$destination"
java -Djarmode=tools -jar "$jar" extract --layers --destination "$destination"

strip onnxruntime '^ai/onnxruntime/native/[^/]+/' '^ai/onnxruntime/native/linux-x64/'
strip tokenizers '^native/lib/[^/]+/' '^native/lib/linux-x86_64/'
strip jna '^com/sun/jna/[^/]+/[^/]*jnidispatch' '^com/sun/jna/linux-x86-64/'
strip grpc-netty-shaded '^META-INF/native/.*\.(so|jnilib|dll)$' '_linux_x86_64\.so$'

du -sh "$destination"
